package dev.vigil.agent.check.firewall.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.LiveProbe;
import dev.vigil.core.report.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Shape test on the build machine: a well-formed finding, and a definite one when running as root. */
@EnabledOnOs(OS.LINUX)
class LinuxFirewallCheckLiveTest {

    @Test
    void givesAWellFormedFindingOnThisMachine() {
        LiveProbe probe = LiveProbe.system();
        long start = System.nanoTime();

        Outcome o = new LinuxFirewallCheck().run(probe, Policy.defaults());

        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("firewall.enabled here: " + o.status() + " — " + o.detail() + " " + o.facts() + " (" + ms + " ms)");
        assertThat(o.detail()).isNotBlank();
        assertThat(o.status()).isNotNull();
        if (probe.elevated()) {
            assertThat(o.status()).isNotEqualTo(Status.UNKNOWN);
        }
    }
}
