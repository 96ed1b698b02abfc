package dev.vigil.agent.check.kernel.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.kernel.linux.SysctlReading.Origin;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class SysctlReaderTest {

    @Test
    void readsRunningValuesFromProcSysOnALiveSystem() {
        FakeProbe probe = FakeProbe.linux()
                .file("/proc/sys/kernel/randomize_va_space", "2\n")
                .file("/proc/sys/net/ipv4/conf/all/rp_filter", "garbage\nmore\n");
        SysctlReader.Snapshot s = SysctlReader.read(probe, List.of("kernel.randomize_va_space", "kernel.yama.ptrace_scope",
                "net.ipv4.conf.all.rp_filter", "../../etc/shadow"));
        assertThat(s.get("kernel.randomize_va_space"))
                .isEqualTo(new SysctlReading.Value("kernel.randomize_va_space", "2", Origin.RUNNING, "/proc/sys/kernel/randomize_va_space"));
        assertThat(s.get("kernel.yama.ptrace_scope")).isInstanceOf(SysctlReading.Absent.class);
        assertThat(s.get("net.ipv4.conf.all.rp_filter")).isInstanceOf(SysctlReading.Undetermined.class);
        assertThat(s.get("../../etc/shadow")).isInstanceOf(SysctlReading.Undetermined.class);
        assertThat(probe.read()).doesNotContain("/etc/shadow").noneMatch(p -> p.contains(".."));
    }

    @Test
    void reportsDeniedProcSysFilesAsUndetermined() {
        FakeProbe probe = FakeProbe.linux().deniedFile("/proc/sys/kernel/kptr_restrict");
        assertThat(SysctlReader.read(probe, List.of("kernel.kptr_restrict")).get("kernel.kptr_restrict"))
                .isInstanceOfSatisfying(SysctlReading.Undetermined.class, u -> assertThat(u.reason()).contains("permission denied"));
    }

    @Test
    void appliesEtcOverUsrLibByNameThenLexicalOrderThenSysctlConfLast() {
        FakeProbe probe = FakeProbe.linux().live(false)
                .listing("/usr/lib/sysctl.d", "50-default.conf", "99-protect-links.conf", "README")
                .listing("/lib/sysctl.d", "50-default.conf", "99-protect-links.conf")
                .listing("/etc/sysctl.d", "60-planted.conf", "99-protect-links.conf", "99-sysctl.conf")
                .file("/usr/lib/sysctl.d/50-default.conf", Fixtures.output("linux/sysctl-d/systemd-50-default-globs.txt"))
                .file("/usr/lib/sysctl.d/99-protect-links.conf", Fixtures.output("linux/sysctl-d/debian-protect-links.txt"))
                // /etc's 99-protect-links.conf is a link to /dev/null that does not resolve in the image: it masks
                .file("/etc/sysctl.d/60-planted.conf", Fixtures.output("linux/sysctl-d/planted-weak.txt"))
                .file("/etc/sysctl.d/99-sysctl.conf", "kernel.kptr_restrict = 1\n")
                .file("/etc/sysctl.conf", "kernel.kptr_restrict = 2\n");
        assertThat(SysctlReader.confFiles(probe)).containsExactly(
                "/usr/lib/sysctl.d/50-default.conf", "/etc/sysctl.d/60-planted.conf",
                "/etc/sysctl.d/99-protect-links.conf", "/etc/sysctl.d/99-sysctl.conf");
        SysctlReader.Snapshot s = SysctlReader.read(probe, List.of("kernel.kptr_restrict", "fs.protected_symlinks",
                "fs.protected_regular", "kernel.randomize_va_space", "net.ipv4.tcp_syncookies", "kernel.dmesg_restrict"));
        assertThat(s.live()).isFalse();
        assertThat(s.get("kernel.kptr_restrict")).isEqualTo(new SysctlReading.Value("kernel.kptr_restrict", "2", Origin.CONFIGURED, "/etc/sysctl.conf"));
        assertThat(s.get("fs.protected_symlinks")).as("from systemd's defaults; Debian's file is masked")
                .isEqualTo(new SysctlReading.Value("fs.protected_symlinks", "1", Origin.CONFIGURED, "/usr/lib/sysctl.d/50-default.conf"));
        assertThat(s.get("fs.protected_regular")).extracting(r -> ((SysctlReading.Value) r).value()).isEqualTo("1");
        assertThat(s.get("kernel.randomize_va_space")).extracting(r -> ((SysctlReading.Value) r).value()).isEqualTo("0");
        assertThat(s.get("net.ipv4.tcp_syncookies")).isEqualTo(new SysctlReading.Value("net.ipv4.tcp_syncookies", "1",
                Origin.KERNEL_DEFAULT, "kernel default"));
        assertThat(s.get("kernel.dmesg_restrict")).isInstanceOfSatisfying(SysctlReading.Undetermined.class,
                u -> assertThat(u.reason()).contains("CONFIG_SECURITY_DMESG_RESTRICT"));
    }

    @Test
    void usesTheImagesKernelConfigForBuildDependentDefaults() {
        FakeProbe probe = FakeProbe.linux().live(false)
                .listing("/boot", "System.map-6.1.0-18-amd64", "config-6.1.0-18-amd64", "vmlinuz-6.1.0-18-amd64")
                .file("/boot/config-6.1.0-18-amd64", Fixtures.output("linux/boot-config/distro-hardened.txt"));
        SysctlReader.Snapshot s = SysctlReader.read(probe, List.of("kernel.randomize_va_space", "kernel.yama.ptrace_scope"));
        assertThat(s.get("kernel.randomize_va_space")).isInstanceOfSatisfying(SysctlReading.Value.class, v -> {
            assertThat(v.value()).isEqualTo("2");
            assertThat(v.origin()).isEqualTo(Origin.KERNEL_DEFAULT);
            assertThat(v.where()).contains("CONFIG_COMPAT_BRK is not set in /boot/config-6.1.0-18-amd64");
        });
        assertThat(s.get("kernel.yama.ptrace_scope")).extracting(r -> ((SysctlReading.Value) r).value()).isEqualTo("1");
    }

    @Test
    void notesConfigurationFilesThatCannotBeUsed() {
        FakeProbe probe = FakeProbe.linux().live(false)
                .listing("/etc/sysctl.d", "10-broken.conf", "20-secret.conf")
                .file("/etc/sysctl.d/10-broken.conf", Fixtures.output("linux/sysctl-d/garbled-binary.txt"))
                .deniedFile("/etc/sysctl.d/20-secret.conf");
        SysctlReader.Snapshot s = SysctlReader.read(probe, List.of("net.ipv4.tcp_syncookies"));
        assertThat(s.problems()).hasSize(2).anyMatch(p -> p.contains("binary")).anyMatch(p -> p.contains("permission denied"));
    }
}
