package dev.vigil.agent.check.patch.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.FileStat;
import dev.vigil.agent.probe.LiveProbe;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.report.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinuxAutoUpdatesCheckTest {

    private static final Policy POLICY = Policy.defaults();
    private static final List<String> DUMP = LinuxAutoUpdatesCheck.APT_CONFIG_DUMP.argv();
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private final LinuxAutoUpdatesCheck check = new LinuxAutoUpdatesCheck();

    private static FakeProbe debian(boolean installed, String dumpFixture) {
        FakeProbe p = FakeProbe.linux()
                .command(DUMP, 0, Fixtures.output("linux/apt-config-dump/" + dumpFixture))
                .listing(LinuxAutoUpdatesCheck.TIMERS, "apt-daily-upgrade.timer", "apt-daily.timer", "fstrim.timer");
        return installed ? p.stat(LinuxAutoUpdatesCheck.UNATTENDED_UPGRADE, FileStat.Type.FILE, 0755, 0, 0, T) : p;
    }

    @Test
    void reportsPassWhenUnattendedUpgradesIsInstalledAndEnabled() {
        Outcome o = check.run(debian(true, "debian12-unattended.txt"), POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).isEqualTo("Updates install automatically: unattended-upgrades, run by apt-daily-upgrade.timer.");
        assertThat(o.facts()).containsEntry("apt_config_source", "apt-config dump");
    }

    @Test
    void reportsFailWhenUnattendedUpgradesIsMissing() {
        Outcome o = check.run(debian(false, "debian12-no-periodic.txt"), POLICY);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).isEqualTo("No automatic updates: unattended-upgrades is not installed, and dnf-automatic is not installed.");
    }

    @Test
    void reportsWarnWhenInstalledButSwitchedOff() {
        Outcome o = check.run(debian(true, "debian12-no-periodic.txt"), POLICY);
        assertThat(o.status()).isEqualTo(Status.WARN);
        assertThat(o.detail()).contains("APT::Periodic::Unattended-Upgrade is \"0\" (disabled)");
    }

    @Test
    void reportsWarnWhenNothingRunsIt() {
        FakeProbe host = FakeProbe.linux()
                .command(DUMP, 0, Fixtures.output("linux/apt-config-dump/debian12-unattended.txt"))
                .stat(LinuxAutoUpdatesCheck.UNATTENDED_UPGRADE, FileStat.Type.FILE, 0755, 0, 0, T);
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.WARN);
        assertThat(o.detail()).contains("nothing runs it");
    }

    @Test
    void readsTheConfigurationFilesUnderRoot() {
        FakeProbe host = FakeProbe.linux().live(false)
                .stat(LinuxAutoUpdatesCheck.UNATTENDED_UPGRADE, FileStat.Type.FILE, 0755, 0, 0, T)
                .listing(LinuxAutoUpdatesCheck.TIMERS, "apt-daily-upgrade.timer")
                .listing(LinuxAutoUpdatesCheck.APT_CONF_DIR, "10periodic", "20auto-upgrades", "50unattended-upgrades.dpkg-old")
                .file("/etc/apt/apt.conf.d/10periodic", Fixtures.output("linux/apt-conf-d/nested-disabled.txt"))
                .file("/etc/apt/apt.conf.d/20auto-upgrades", Fixtures.output("linux/apt-conf-d/20auto-upgrades.txt"))
                .file("/etc/apt/apt.conf.d/50unattended-upgrades.dpkg-old", "APT::Periodic::Unattended-Upgrade \"0\";");
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.facts()).containsEntry("apt_config_source", "/etc/apt/apt.conf.d");
        assertThat(host.ran()).isEmpty();
    }

    @Test
    void laterFilesWinUnderRootAsInApt() {
        FakeProbe host = FakeProbe.linux().live(false)
                .stat(LinuxAutoUpdatesCheck.UNATTENDED_UPGRADE, FileStat.Type.FILE, 0755, 0, 0, T)
                .listing(LinuxAutoUpdatesCheck.TIMERS, "apt-daily-upgrade.timer")
                .listing(LinuxAutoUpdatesCheck.APT_CONF_DIR, "20auto-upgrades", "99local")
                .file("/etc/apt/apt.conf.d/20auto-upgrades", Fixtures.output("linux/apt-conf-d/20auto-upgrades.txt"))
                .file("/etc/apt/apt.conf.d/99local", Fixtures.output("linux/apt-conf-d/nested-disabled.txt"));
        assertThat(check.run(host, POLICY).status()).isEqualTo(Status.WARN);
    }

    @Test
    void fallsBackToTheFilesWhenAptConfigTimesOut() {
        FakeProbe host = FakeProbe.linux()
                .timedOut(DUMP, Duration.ofSeconds(5))
                .stat(LinuxAutoUpdatesCheck.UNATTENDED_UPGRADE, FileStat.Type.FILE, 0755, 0, 0, T)
                .listing(LinuxAutoUpdatesCheck.TIMERS, "apt-daily-upgrade.timer")
                .listing(LinuxAutoUpdatesCheck.APT_CONF_DIR, "20auto-upgrades")
                .file("/etc/apt/apt.conf.d/20auto-upgrades", Fixtures.output("linux/apt-conf-d/20auto-upgrades.txt"));
        assertThat(check.run(host, POLICY).status()).isEqualTo(Status.PASS);
    }

    @Test
    void reportsUnknownOnUnreadableAptConfiguration() {
        FakeProbe host = FakeProbe.linux().live(false)
                .listing(LinuxAutoUpdatesCheck.APT_CONF_DIR, "10periodic")
                .file("/etc/apt/apt.conf.d/10periodic", Fixtures.output("linux/apt-conf-d/unbalanced.txt"));
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("/etc/apt/apt.conf.d/10periodic: truncated apt configuration");
    }

    @Test
    void reportsPassWhenDnfAutomaticInstallTimerIsEnabled() {
        FakeProbe host = FakeProbe.linux()
                .listing(LinuxAutoUpdatesCheck.TIMERS, "dnf-automatic-install.timer", "dnf-makecache.timer")
                .file(LinuxAutoUpdatesCheck.DNF_AUTOMATIC_CONF, Fixtures.output("linux/dnf-automatic-conf/rhel9-default.txt"));
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).isEqualTo("Updates install automatically: dnf-automatic installs updates, run by dnf-automatic-install.timer.");
    }

    @Test
    void reportsPassWhenDnfAutomaticAppliesSecurityUpdates() {
        FakeProbe host = FakeProbe.linux()
                .listing(LinuxAutoUpdatesCheck.TIMERS, "dnf-automatic.timer")
                .file(LinuxAutoUpdatesCheck.DNF_AUTOMATIC_CONF, Fixtures.output("linux/dnf-automatic-conf/apply-security.txt"));
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).contains("installs security updates");
    }

    @Test
    void reportsWarnWhenDnfAutomaticOnlyDownloads() {
        FakeProbe host = FakeProbe.linux()
                .listing(LinuxAutoUpdatesCheck.TIMERS, "dnf-automatic.timer")
                .file(LinuxAutoUpdatesCheck.DNF_AUTOMATIC_CONF, Fixtures.output("linux/dnf-automatic-conf/rhel9-default.txt"));
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.WARN);
        assertThat(o.detail()).contains("only downloads updates");
    }

    @Test
    void reportsWarnWhenDnfAutomaticOnlyNotifies() {
        FakeProbe host = FakeProbe.linux()
                .listing(LinuxAutoUpdatesCheck.TIMERS, "dnf-automatic-notifyonly.timer")
                .file(LinuxAutoUpdatesCheck.DNF_AUTOMATIC_CONF, Fixtures.output("linux/dnf-automatic-conf/rhel9-default.txt"));
        assertThat(check.run(host, POLICY).detail()).contains("only announces updates");
    }

    @Test
    void reportsFailWhenDnfAutomaticIsInstalledButNoTimerRuns() {
        FakeProbe host = FakeProbe.linux()
                .file(LinuxAutoUpdatesCheck.DNF_AUTOMATIC_CONF, Fixtures.output("linux/dnf-automatic-conf/apply-security.txt"));
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).contains("no dnf-automatic timer is enabled");
    }

    @Test
    void reportsUnknownWhenDnfAutomaticConfigurationCannotBeRead() {
        FakeProbe host = FakeProbe.linux()
                .listing(LinuxAutoUpdatesCheck.TIMERS, "dnf-automatic.timer")
                .deniedFile(LinuxAutoUpdatesCheck.DNF_AUTOMATIC_CONF);
        Outcome o = check.run(host, POLICY);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("permission denied reading /etc/dnf/automatic.conf");
    }

    @Test
    void decidesWithoutRootToo() {
        assertThat(check.run(debian(true, "debian12-unattended.txt").elevated(false), POLICY).status()).isEqualTo(Status.PASS);
    }

    @Test
    void decidesOnThisMachine() {
        Outcome o = check.run(LiveProbe.system(), POLICY);
        assertThat(o.detail()).isNotBlank();
        assertThat(o.status()).isNotEqualTo(Status.UNKNOWN).isNotEqualTo(Status.NOT_APPLICABLE);
    }
}
