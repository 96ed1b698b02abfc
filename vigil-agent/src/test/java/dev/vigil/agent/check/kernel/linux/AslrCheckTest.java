package dev.vigil.agent.check.kernel.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.LiveProbe;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.report.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AslrCheckTest {

    private static final String PATH = "/proc/sys/kernel/randomize_va_space";
    private final AslrCheck check = new AslrCheck();

    private static Outcome live(String text) {
        return new AslrCheck().run(FakeProbe.linux().file(PATH, text), Policy.defaults());
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            randomize-full.txt    | PASS | full randomisation
            randomize-partial.txt | WARN | heap not randomised
            randomize-off.txt     | FAIL | randomisation off
            empty.txt             | UNKNOWN | empty read
            garbled.txt           | UNKNOWN | two lines
            """)
    void judgesTheRunningValue(String fixture, Status status, String what) {
        assertThat(live(Fixtures.output("linux/proc-sys/" + fixture)).status()).isEqualTo(status);
    }

    @Test
    void reportsFailNamingTheValueWhenRandomisationIsOff() {
        Outcome o = live("0\n");
        assertThat(o.detail()).contains("off").contains("kernel.randomize_va_space = 0").contains("running value");
        assertThat(o.facts()).containsEntry("value", 0).containsEntry("expected", 2).containsEntry("source", "running");
    }

    @Test
    void reportsWarnExplainingTheHeapWhenPartial() {
        assertThat(live("1\n").detail()).contains("not the heap");
    }

    @Test
    void reportsUnknownForValuesTheKernelDoesNotKnow() {
        assertThat(live("7\n").status()).isEqualTo(Status.UNKNOWN);
        assertThat(live("full\n").detail()).contains("unrecognised");
    }

    @Test
    void reportsUnknownWhenProcSysIsMissingOrDenied() {
        assertThat(check.run(FakeProbe.linux(), Policy.defaults()).detail()).contains(PATH + " does not exist");
        assertThat(check.run(FakeProbe.linux().elevated(false).deniedFile(PATH), Policy.defaults()).detail())
                .contains("permission denied");
    }

    @Test
    void passesWhenThePolicyAcceptsPartialRandomisation() {
        assertThat(AslrCheck.evaluate(SysctlReader.read(FakeProbe.linux().file(PATH, "1\n"),
                java.util.List.of(AslrCheck.SYSCTL)), 1).status()).isEqualTo(Status.PASS);
    }

    @Test
    void judgesTheConfiguredValueUnderRoot() {
        FakeProbe probe = FakeProbe.linux().live(false)
                .listing("/etc/sysctl.d", "60-planted.conf")
                .file("/etc/sysctl.d/60-planted.conf", Fixtures.output("linux/sysctl-d/planted-weak.txt"))
                .file(PATH, "2\n");
        Outcome o = check.run(probe, Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).contains("configured value").contains("/etc/sysctl.d/60-planted.conf");
        assertThat(probe.read()).doesNotContain(PATH);
    }

    @Test
    void usesTheKernelDefaultUnderRootWhenNothingConfiguresIt() {
        FakeProbe withConfig = FakeProbe.linux().live(false).listing("/boot", "config-6.1.0-18-amd64")
                .file("/boot/config-6.1.0-18-amd64", Fixtures.output("linux/boot-config/distro-hardened.txt"));
        Outcome o = check.run(withConfig, Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).contains("not configured in the image").contains("CONFIG_COMPAT_BRK");
        assertThat(o.facts()).containsEntry("source", "kernel_default");

        Outcome none = check.run(FakeProbe.linux().live(false), Policy.defaults());
        assertThat(none.status()).isEqualTo(Status.UNKNOWN);
        assertThat(none.detail()).contains("CONFIG_COMPAT_BRK");
    }

    @Test
    void givesADefiniteWellFormedAnswerOnThisMachine() {
        Outcome o = check.run(LiveProbe.system(), Policy.defaults());
        assertThat(o.detail()).isNotBlank();
        assertThat(o.status()).isIn(Status.PASS, Status.WARN, Status.FAIL);
        System.out.println("kernel.aslr on this machine: " + o.status() + " — " + o.detail());
    }
}
