package dev.vigil.agent.check.patch.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.LiveProbe;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.report.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinuxPendingRebootCheckTest {

    private static final Policy POLICY = Policy.defaults();
    private static final List<String> NR = LinuxPendingRebootCheck.NEEDS_RESTARTING.argv();
    private final LinuxPendingRebootCheck check = new LinuxPendingRebootCheck();

    private static FakeProbe debian(String running, String... installed) {
        FakeProbe p = FakeProbe.linux().file(LinuxPendingRebootCheck.OSRELEASE, running + "\n")
                .listing("/lib/modules", installed);
        String[] images = new String[installed.length + 2];
        images[0] = "System.map-" + running;
        images[1] = "config-" + running;
        for (int i = 0; i < installed.length; i++) {
            images[i + 2] = "vmlinuz-" + installed[i];
        }
        return p.listing("/boot", images);
    }

    @Test
    void reportsFailWhenDebiansRebootFlagIsSet() {
        FakeProbe host = debian("6.1.0-21-amd64", "6.1.0-21-amd64")
                .file(LinuxPendingRebootCheck.REBOOT_REQUIRED, "*** System restart required ***\n")
                .file(LinuxPendingRebootCheck.REBOOT_REQUIRED_PKGS, "libc6\nlibssl3\nlibc6\n");
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).isEqualTo("Reboot pending: /var/run/reboot-required exists (libc6, libssl3).");
        assertThat(o.facts()).containsEntry("packages_requiring_reboot", List.of("libc6", "libssl3"));
    }

    @Test
    void reportsFailWhenANewerKernelOfTheSameFlavourIsInstalled() {
        Outcome o = check.run(debian("6.1.0-9-amd64", "6.1.0-9-amd64", "6.1.0-21-amd64"), POLICY);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).isEqualTo("Reboot pending: kernel 6.1.0-21-amd64 is installed but 6.1.0-9-amd64 is running.");
        assertThat(o.facts()).containsEntry("newest_installed_kernel", "6.1.0-21-amd64")
                .containsEntry("installed_kernels", List.of("6.1.0-9-amd64", "6.1.0-21-amd64"));
    }

    @Test
    void reportsPassWhenTheRunningKernelIsTheNewest() {
        Outcome o = check.run(debian("6.1.0-21-amd64", "6.1.0-18-amd64", "6.1.0-21-amd64"), POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).isEqualTo("No reboot pending: no /var/run/reboot-required, and the running kernel "
                + "6.1.0-21-amd64 is the newest installed.");
    }

    @Test
    void ignoresANewerKernelOfAnotherFlavour() {
        Outcome o = check.run(debian("6.1.0-21-amd64", "6.1.0-21-amd64", "6.1.0-22-cloud-amd64"), POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
    }

    @Test
    void reportsPassWhenTheKernelIsNotPackageManaged() {
        Outcome o = check.run(debian("6.18.44-fc-v595"), POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).contains("has no installed counterpart");
        assertThat(o.facts()).containsEntry("newest_installed_kernel", "none found");
    }

    @Test
    void reportsFailWhenNeedsRestartingSaysSo() {
        FakeProbe host = debian("5.14.0-427.13.1.el9_4.x86_64", "5.14.0-427.13.1.el9_4.x86_64")
                .command(NR, 1, Fixtures.output("linux/needs-restarting/dnf-required.txt"));
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).contains("needs-restarting reports core packages updated since boot (glibc, kernel-core)");
    }

    @Test
    void reportsPassWhenNeedsRestartingFindsNothing() {
        FakeProbe host = debian("5.14.0-427.13.1.el9_4.x86_64", "5.14.0-362.24.1.el9_3.x86_64", "5.14.0-427.13.1.el9_4.x86_64")
                .command(NR, 0, Fixtures.output("linux/needs-restarting/dnf-not-required.txt"));
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).contains("needs-restarting finds nothing updated since boot");
    }

    @Test
    void treatsDnfWithoutThePluginAsAbsent() {
        FakeProbe host = debian("6.1.0-21-amd64", "6.1.0-21-amd64")
                .command(NR, 1, "", "No such command: needs-restarting. Please use /usr/bin/dnf --help");
        assertThat(check.run(host, POLICY).status()).isEqualTo(Status.PASS);
    }

    @Test
    void reportsUnknownWhenNeedsRestartingFailsSilently() {
        FakeProbe host = debian("6.1.0-21-amd64", "6.1.0-21-amd64").command(NR, 1, "", "");
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("exited 1");
    }

    @Test
    void reportsUnknownWhenNeedsRestartingTimesOut() {
        FakeProbe host = debian("6.1.0-21-amd64", "6.1.0-21-amd64").timedOut(NR, Duration.ofSeconds(5));
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("timed out after 5 s");
    }

    @Test
    void stillFailsOnOneSignalWhenAnotherCannotBeRead() {
        FakeProbe host = debian("6.1.0-9-amd64", "6.1.0-21-amd64").timedOut(NR, Duration.ofSeconds(5));
        assertThat(check.run(host, POLICY).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void reportsUnknownWhenTheFlagCannotBeRead() {
        FakeProbe host = debian("6.1.0-21-amd64", "6.1.0-21-amd64").deniedFile(LinuxPendingRebootCheck.REBOOT_REQUIRED);
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("permission denied reading /var/run/reboot-required");
    }

    @Test
    void reportsUnknownWithoutTheRunningKernel() {
        Outcome o = check.run(FakeProbe.linux(), POLICY);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("/proc/sys/kernel/osrelease does not exist");
    }

    @Test
    void readsPackageNamesFromThePkgsFile() {
        assertThat(RebootRequiredPkgsParser.parse("linux-image-6.1.0-21-amd64\n\nlibc6\nlibc6\nNOT A PACKAGE\n"))
                .containsExactly("linux-image-6.1.0-21-amd64", "libc6");
    }

    @Test
    void decidesOnThisMachine() {
        Outcome o = check.run(LiveProbe.system(), POLICY);
        assertThat(o.detail()).isNotBlank();
        assertThat(o.status()).isIn(Status.PASS, Status.FAIL);
    }
}
