package dev.vigil.agent.check.remote.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Check;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.LiveProbe;
import dev.vigil.core.report.Status;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Shape test on the build machine (no sshd here: NOT_APPLICABLE; elsewhere a definite status when root). */
@EnabledOnOs(OS.LINUX)
class SshChecksLiveTest {

    static List<Check> checks() {
        return List.of(new SshRootLoginCheck(), new SshPasswordAuthCheck());
    }

    @ParameterizedTest
    @MethodSource("checks")
    void givesAWellFormedFindingOnThisMachine(Check check) {
        LiveProbe probe = LiveProbe.system();
        long start = System.nanoTime();

        Outcome o = check.run(probe, Policy.defaults());

        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println(check.control() + " here: " + o.status() + " — " + o.detail() + " " + o.facts() + " (" + ms + " ms)");
        assertThat(o.detail()).isNotBlank();
        if (probe.elevated()) {
            assertThat(o.status()).isNotEqualTo(Status.UNKNOWN);
        }
    }
}
