package dev.vigil.agent.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The declaration a check gives its base class comes back unchanged and unmodifiable, and a bad one is refused. */
class PlatformCheckTest {

    private static final class Declared extends PlatformCheck {
        Declared(String control, OsFamily platform, Need... needs) {
            super(control, platform, needs);
        }

        @Override
        public Outcome run(HostProbe probe, Policy policy) {
            return Outcome.unknown("not run");
        }
    }

    @Test
    void returnsWhatWasDeclared() {
        Check check = new Declared("firewall.enabled", OsFamily.WINDOWS, Need.LIVE_SYSTEM);
        assertThat(check.control()).isEqualTo("firewall.enabled");
        assertThat(check.platforms()).containsExactly(OsFamily.WINDOWS);
        assertThat(check.needs()).containsExactly(Need.LIVE_SYSTEM);
    }

    @Test
    void needsNothingWhenNoneAreGiven() {
        assertThat(new Declared("kernel.aslr", OsFamily.LINUX).needs()).isEmpty();
    }

    @Test
    void needsComeInTheirDeclaredOrderWhateverTheOrderGiven() {
        assertThat(List.copyOf(new Declared("x.y", OsFamily.LINUX, Need.LIVE_SYSTEM, Need.ELEVATED).needs()))
                .containsExactly(Need.ELEVATED, Need.LIVE_SYSTEM);
    }

    @Test
    void theDeclarationCannotBeChangedThroughItsSets() {
        Check check = new Declared("x.y", OsFamily.MACOS, Need.LIVE_SYSTEM);
        assertThatThrownBy(() -> check.platforms().add(OsFamily.LINUX)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> check.needs().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesAnIncompleteDeclaration() {
        assertThatThrownBy(() -> new Declared(null, OsFamily.LINUX)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Declared(" ", OsFamily.LINUX)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Declared("x.y", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Declared("x.y", OsFamily.LINUX, (Need[]) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Declared("x.y", OsFamily.LINUX, Need.ELEVATED, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Declared("x.y", OsFamily.LINUX, Need.ELEVATED, Need.ELEVATED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
