package dev.vigil.agent.check.kernel.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.LiveProbe;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.report.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SysctlHardeningCheckTest {

    private final SysctlHardeningCheck check = new SysctlHardeningCheck();

    /** Every sysctl of the default policy at a hardened value, on a live system. */
    private static FakeProbe hardened() {
        return hardenedWithout("");
    }

    /** As {@link #hardened()}, without the sysctl {@code missing} (a kernel that lacks it). */
    private static FakeProbe hardenedWithout(String missing) {
        FakeProbe probe = FakeProbe.linux();
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("kernel.kptr_restrict", "1");
        values.put("kernel.dmesg_restrict", "1");
        values.put("kernel.yama.ptrace_scope", "1");
        values.put("fs.protected_hardlinks", "1");
        values.put("fs.protected_symlinks", "1");
        values.put("fs.suid_dumpable", "0");
        values.put("net.ipv4.conf.all.accept_redirects", "0");
        values.put("net.ipv4.conf.all.send_redirects", "0");
        values.put("net.ipv4.conf.all.accept_source_route", "0");
        values.put("net.ipv4.conf.all.rp_filter", "2");
        values.put("net.ipv4.tcp_syncookies", "1");
        values.put("net.ipv4.icmp_echo_ignore_broadcasts", "1");
        values.remove(missing);
        values.forEach((name, value) -> probe.file("/proc/sys/" + name.replace('.', '/'), value + "\n"));
        return probe;
    }

    @Test
    void passesWhenEverySysctlMatches() {
        Outcome o = check.run(hardened(), Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).contains("All 12");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> sysctls = (Map<String, Map<String, Object>>) o.facts().get("sysctls");
        assertThat(sysctls.get("net.ipv4.conf.all.rp_filter")).containsEntry("expected", ">=1").containsEntry("actual", "2")
                .containsEntry("ok", true);
    }

    @Test
    void reportsFailNamingEachMismatch() {
        Outcome o = check.run(hardened().file("/proc/sys/kernel/kptr_restrict", "0\n")
                .file("/proc/sys/net/ipv4/conf/all/accept_redirects", "1\n"), Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).contains("2 of 12").contains("kernel.kptr_restrict = 0 (expected >=1)")
                .contains("net.ipv4.conf.all.accept_redirects = 1 (expected 0)");
        assertThat(o.facts()).containsEntry("mismatched", 2).containsEntry("matched", 10);
    }

    @Test
    void reportsAbsentSysctlsWithoutCountingThem() {
        Outcome o = check.run(hardenedWithout("kernel.yama.ptrace_scope"), Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).contains("All 11").contains("absent from this kernel and not counted: kernel.yama.ptrace_scope");
        assertThat(o.facts()).containsEntry("absent", List.of("kernel.yama.ptrace_scope"));
    }

    @Test
    void reportsUnknownWhenNothingCanBeRead() {
        Outcome o = check.run(FakeProbe.linux(), Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("none of the 12");
    }

    @Test
    void reportsUnknownWhenSomeCannotBeDeterminedAndNoneMismatch() {
        Outcome o = check.run(hardened().deniedFile("/proc/sys/kernel/kptr_restrict"), Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("permission denied").contains("11 determined match");
    }

    @Test
    void reportsUnknownForAPolicyValueThatIsNotAnExpectation() {
        Policy p = policyWith(Map.of("kernel.kptr_restrict", ">=high"));
        assertThat(check.run(hardened(), p).detail()).contains("kernel.kptr_restrict").contains("whole number");
    }

    @Test
    void judgesConfiguredValuesUnderRoot() {
        FakeProbe probe = FakeProbe.linux().live(false)
                .listing("/usr/lib/sysctl.d", "50-default.conf", "99-protect-links.conf")
                .listing("/etc/sysctl.d", "60-planted.conf")
                .listing("/boot", "config-6.1.0-18-amd64")
                .file("/boot/config-6.1.0-18-amd64", Fixtures.output("linux/boot-config/distro-hardened.txt"))
                .file("/usr/lib/sysctl.d/50-default.conf", Fixtures.output("linux/sysctl-d/systemd-50-default-globs.txt"))
                .file("/usr/lib/sysctl.d/99-protect-links.conf", Fixtures.output("linux/sysctl-d/debian-protect-links.txt"))
                .file("/etc/sysctl.d/60-planted.conf", Fixtures.output("linux/sysctl-d/planted-weak.txt"));
        Outcome o = check.run(probe, Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).contains("configured values").contains("kernel.kptr_restrict = 0")
                .contains("net.ipv4.conf.all.rp_filter = 0 (expected >=1)")
                .contains("net.ipv4.conf.all.send_redirects = 1");
        assertThat(o.facts()).containsEntry("source", "configured");
        assertThat(probe.ran()).isEmpty();
    }

    @Test
    void givesAWellFormedAnswerOnThisMachine() {
        Outcome o = check.run(LiveProbe.system(), Policy.defaults());
        assertThat(o.detail()).isNotBlank();
        assertThat(o.status()).isIn(Status.PASS, Status.FAIL);
        System.out.println("kernel.sysctl-hardening on this machine: " + o.status() + " — " + o.detail());
    }

    private static Policy policyWith(Map<String, String> sysctls) {
        Policy d = Policy.defaults();
        return new Policy(d.highRiskPorts(), d.aslr(), sysctls, d.sshPermitRootLogin(), d.packageListMaxAgeDays(),
                d.shadowMaxMode(), d.shadowGroups(), d.updateMaxAgeDays(), d.updateStaleAgeDays(), d.signatureMaxAgeDays());
    }
}
