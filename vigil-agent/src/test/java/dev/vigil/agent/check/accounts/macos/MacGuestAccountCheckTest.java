package dev.vigil.agent.check.accounts.macos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MacGuestAccountCheckTest {

    private static final Policy POLICY = Policy.defaults();
    private static final List<String> GUEST = MacGuestAccountCheck.GUEST_ENABLED.argv();
    private static final List<String> SMB = MacGuestAccountCheck.SMB_GUEST_ACCESS.argv();
    private final MacGuestAccountCheck check = new MacGuestAccountCheck();

    private static FakeProbe mac() {
        return FakeProbe.linux().family(OsFamily.MACOS);
    }

    private static String out(String name) {
        return Fixtures.output("macos/defaults-read-guestenabled/" + name);
    }

    @Test
    void failsWhenTheGuestAccountIsOn() {
        Outcome o = check.run(mac().command(GUEST, 0, out("on.txt")).command(SMB, 0, "1\n"), POLICY);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).isEqualTo("The guest account is on: anyone can log in to this Mac without a password.");
        assertThat(o.facts()).containsEntry("smb_guest_access", "on");
    }

    @Test
    void passesWhenTheGuestAccountIsOff() {
        Outcome o = check.run(mac().command(GUEST, 0, out("off.txt")), POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.facts()).containsEntry("guest_enabled", false).containsEntry("smb_guest_access", "not read");
    }

    @Test
    void passesWhenGuestEnabledIsNotSetBecauseOffIsTheDefault() {
        Outcome o = check.run(mac().command(GUEST, 1, "", out("absent-stderr.txt"))
                .command(SMB, 1, "", "The domain/default pair of (x, AllowGuestAccess) does not exist"), POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.facts()).containsEntry("guest_enabled_source", "default").containsEntry("smb_guest_access", "not set");
    }

    @Test
    void unknownWhenDefaultsFailsIsMissingTimesOutOrCannotRun() {
        assertThat(check.run(mac().command(GUEST, 1, "", "defaults: unexpected"), POLICY).status()).isEqualTo(Status.UNKNOWN);
        assertThat(check.run(mac().command(GUEST, 0, "perhaps\n"), POLICY).detail()).contains("expected a boolean");
        assertThat(check.run(mac(), POLICY).detail()).isEqualTo("command not found: /usr/bin/defaults");
        assertThat(check.run(mac().timedOut(GUEST, Duration.ofSeconds(5)), POLICY).detail()).contains("timed out");
        assertThat(check.run(mac().live(false), POLICY).detail()).startsWith("cannot run /usr/bin/defaults");
    }
}
