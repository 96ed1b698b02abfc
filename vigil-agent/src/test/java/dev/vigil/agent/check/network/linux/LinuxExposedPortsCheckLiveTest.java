package dev.vigil.agent.check.network.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.LiveProbe;
import dev.vigil.core.report.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Shape test on the build machine: /proc is always readable, so the finding is never UNKNOWN. */
@EnabledOnOs(OS.LINUX)
class LinuxExposedPortsCheckLiveTest {

    @Test
    void givesADefiniteWellFormedFindingOnThisMachine() {
        long start = System.nanoTime();

        Outcome o = new LinuxExposedPortsCheck().run(LiveProbe.system(), Policy.defaults());

        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("network.exposed-ports here: " + o.status() + " — " + o.detail() + " " + o.facts() + " (" + ms + " ms)");
        assertThat(o.detail()).isNotBlank();
        assertThat(o.status()).isNotEqualTo(Status.UNKNOWN);
        assertThat(o.facts()).containsKeys("listeners", "exposed_high_risk_ports", "exposed_other_ports");
    }
}
