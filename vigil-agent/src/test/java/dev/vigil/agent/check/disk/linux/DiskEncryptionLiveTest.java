package dev.vigil.agent.check.disk.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Check;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.LiveProbe;
import dev.vigil.core.report.Status;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shape tests: both checks against this machine; the outcome must be well-formed and decided. */
@EnabledOnOs(OS.LINUX)
class DiskEncryptionLiveTest {

    @ParameterizedTest(name = "{0} gives a decided, well-formed outcome here")
    @ValueSource(strings = {"system", "swap"})
    void givesADecidedWellFormedOutcomeOnThisMachine(String which) {
        Check check = which.equals("system") ? new LinuxSystemEncryptionCheck() : new LinuxSwapEncryptionCheck();
        long started = System.nanoTime();
        Outcome o = check.run(LiveProbe.system(), Policy.defaults());
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println(check.control() + ": " + o.status() + " — " + o.detail() + " " + o.facts() + " (" + millis + " ms)");
        assertThat(o.detail()).isNotBlank();
        assertThat(o.status()).isIn(Status.PASS, Status.FAIL, Status.WARN, Status.NOT_APPLICABLE);
        assertThat(o.facts()).containsKey("observed");
        assertThat(millis).isLessThan(300);
    }
}
