package dev.vigil.agent.check.integrity.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.FileStat;
import dev.vigil.agent.probe.LiveProbe;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.report.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinuxMacCheckTest {

    private static final Policy POLICY = Policy.defaults();
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private final LinuxMacCheck check = new LinuxMacCheck();

    private static FakeProbe selinux(String enforce, String config) {
        return FakeProbe.linux().file(LinuxMacCheck.SELINUX_ENFORCE, enforce)
                .file(LinuxMacCheck.SELINUX_CONFIG, Fixtures.output("linux/selinux-config/" + config));
    }

    private static FakeProbe apparmor(String profilesFixture) {
        return FakeProbe.linux().file(LinuxMacCheck.APPARMOR_ENABLED, "Y\n")
                .file(LinuxMacCheck.APPARMOR_PROFILES, Fixtures.output("linux/apparmor-profiles/" + profilesFixture));
    }

    @Test
    void reportsPassWhenSelinuxEnforces() {
        Outcome o = check.run(selinux("1", "rhel9-enforcing.txt"), POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).isEqualTo("SELinux is enforcing.");
    }

    @Test
    void reportsWarnWhenSelinuxEnforcesButWillNotAfterReboot() {
        Outcome o = check.run(selinux("1", "permissive.txt"), POLICY);
        assertThat(o.status()).isEqualTo(Status.WARN);
        assertThat(o.detail()).contains("will not enforce after a reboot");
    }

    @Test
    void reportsWarnWhenSelinuxIsPermissive() {
        Outcome o = check.run(selinux("0", "permissive.txt"), POLICY);
        assertThat(o.status()).isEqualTo(Status.WARN);
        assertThat(o.facts()).containsEntry("selinux", "permissive");
    }

    @Test
    void reportsPassWhenAppArmorEnforcesProfiles() {
        Outcome o = check.run(apparmor("debian13-mixed.txt"), POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).isEqualTo("AppArmor is enforcing 2 of 5 loaded profiles.");
    }

    @Test
    void reportsWarnWhenAppArmorEnforcesNothing() {
        Outcome o = check.run(apparmor("complain-only.txt"), POLICY);
        assertThat(o.status()).isEqualTo(Status.WARN);
        assertThat(o.detail()).isEqualTo("AppArmor is enabled but none of its 2 loaded profiles is in enforce mode.");
    }

    @Test
    void reportsUnknownRequiringRootWhenProfilesAreUnreadable() {
        FakeProbe host = FakeProbe.linux().elevated(false).file(LinuxMacCheck.APPARMOR_ENABLED, "Y\n")
                .deniedFile(LinuxMacCheck.APPARMOR_PROFILES);
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).endsWith("permission denied reading /sys/kernel/security/apparmor/profiles (requires root)");
    }

    @Test
    void reportsUnknownOnGarbledProfiles() {
        assertThat(check.run(apparmor("truncated.txt"), POLICY).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void reportsUnknownOnAnOddEnforceFile() {
        Outcome o = check.run(FakeProbe.linux().file(LinuxMacCheck.SELINUX_ENFORCE, "2"), POLICY);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("expected 1 or 0");
    }

    @Test
    void reportsFailWhenNeitherIsActive() {
        Outcome o = check.run(FakeProbe.linux().file(LinuxMacCheck.APPARMOR_ENABLED, "N\n"), POLICY);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).isEqualTo("No mandatory access control is enforcing: SELinux is not active and AppArmor is disabled.");
    }

    @Test
    void reportsPassUnderRootWhenSelinuxIsConfiguredToEnforce() {
        FakeProbe host = FakeProbe.linux().live(false)
                .file(LinuxMacCheck.SELINUX_CONFIG, Fixtures.output("linux/selinux-config/rhel9-enforcing.txt"));
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).contains("configured").contains("not verified on a running system");
    }

    @Test
    void reportsPassUnderRootWhenAppArmorHasProfilesConfigured() {
        FakeProbe host = FakeProbe.linux().live(false)
                .stat(LinuxMacCheck.APPARMOR_PARSER, FileStat.Type.FILE, 0755, 0, 0, T)
                .listing(LinuxMacCheck.APPARMOR_DIR, "abstractions", "disable", "local", "usr.bin.man", "usr.sbin.chronyd")
                .stat("/etc/apparmor.d/usr.bin.man", FileStat.Type.FILE, 0644, 0, 0, T)
                .stat("/etc/apparmor.d/usr.sbin.chronyd", FileStat.Type.FILE, 0644, 0, 0, T)
                .stat("/etc/apparmor.d/abstractions", FileStat.Type.DIRECTORY, 0755, 0, 0, T)
                .listing("/etc/apparmor.d/disable", "usr.sbin.chronyd");
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).startsWith("AppArmor is configured with 1 profile file (");
    }

    @Test
    void reportsFailUnderRootWithNothingConfigured() {
        FakeProbe host = FakeProbe.linux().live(false)
                .file(LinuxMacCheck.SELINUX_CONFIG, Fixtures.output("linux/selinux-config/disabled.txt"));
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).contains("disabled in /etc/selinux/config");
    }

    @Test
    void decidesOnThisMachine() {
        Outcome o = check.run(LiveProbe.system(), POLICY);
        assertThat(o.detail()).isNotBlank();
        assertThat(o.status()).isNotEqualTo(Status.UNKNOWN).isNotEqualTo(Status.NOT_APPLICABLE);
    }
}
