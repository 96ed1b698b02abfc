package dev.vigil.agent.check.logging.linux;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditLoggingCheckTest {

    private static final Instant T = Instant.parse("2026-05-20T00:00:00Z");
    private static final List<String> STATUS = List.of("auditctl", "-s");
    private static final List<String> LIST = List.of("auditctl", "-l");
    private final AuditLoggingCheck check = new AuditLoggingCheck();

    private static FakeProbe installed() {
        return FakeProbe.linux().stat("/usr/sbin/auditd", FileStat.Type.FILE, 0750, 0, 0, T);
    }

    private static FakeProbe running(String status, String list) {
        return installed()
                .file("/run/auditd.pid", Fixtures.output("linux/auditd-pid/running.txt"))
                .file("/proc/829/comm", "auditd\n")
                .command(STATUS, 0, Fixtures.output("linux/auditctl-s/" + status))
                .command(LIST, 0, Fixtures.output("linux/auditctl-l/" + list));
    }

    @Test
    void reportsFailWhenAuditdIsNotInstalled() {
        Outcome o = check.run(FakeProbe.linux(), Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).startsWith("auditd is not installed");
        assertThat(o.facts()).containsEntry("installed", false).containsEntry("journald_storage", "auto")
                .containsEntry("journald_persistent", false);
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            enabled-running.txt        | watches.txt       | PASS | running with rules
            immutable.txt              | syscall-rules.txt | PASS | running, rules locked
            rhel6-single-line.txt      | watches.txt       | PASS | old auditctl format
            enabled-running-audit3.txt | no-rules.txt      | WARN | running without rules
            disabled-no-daemon.txt     | no-rules.txt      | FAIL | no daemon registered with the kernel
            """)
    void judgesTheKernelAuditStatusAndRules(String status, String list, Status expected, String what) {
        assertThat(check.run(running(status, list), Policy.defaults()).status()).isEqualTo(expected);
    }

    @Test
    void saysHowManyRulesAndWhetherTheyAreLocked() {
        Outcome o = check.run(running("immutable.txt", "syscall-rules.txt"), Policy.defaults());
        assertThat(o.detail()).isEqualTo("auditd is running (pid 1284) with 2 audit rules loaded, locked until reboot (immutable).");
        assertThat(o.facts()).containsEntry("rules", 2).containsEntry("immutable", true).containsEntry("running", true);
    }

    @Test
    void reportsFailWhenKernelAuditingIsDisabledThoughTheDaemonRuns() {
        FakeProbe p = running("enabled-running.txt", "watches.txt")
                .command(STATUS, 0, "enabled 0\nfailure 1\npid 829\nrate_limit 0\nbacklog_limit 8192\nlost 0\nbacklog 0\n");
        Outcome o = check.run(p, Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).contains("kernel auditing is disabled");
    }

    @Test
    void reportsFailWhenInstalledButNotRunningWithoutRoot() {
        Outcome o = check.run(installed().elevated(false), Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).isEqualTo("auditd is installed but not running (there is no /run/auditd.pid), so nothing is recorded.");
    }

    @Test
    void reportsFailForAStalePidFile() {
        FakeProbe p = installed().elevated(false).file("/run/auditd.pid", "829\n").file("/proc/829/comm", "bash\n");
        assertThat(check.run(p, Policy.defaults()).detail()).contains("names pid 829, which is bash, not auditd");
    }

    @Test
    void reportsUnknownRequiringRootWhenRunningButRulesCannotBeRead() {
        FakeProbe p = running("enabled-running.txt", "watches.txt").elevated(false);
        Outcome o = check.run(p, Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("requires root").endsWith("auditd is running (pid 829)");
        assertThat(p.ran()).isEmpty();
    }

    @Test
    void reportsUnknownWhenAuditctlIsMissingTimesOutOrFails() {
        FakeProbe missing = installed().file("/run/auditd.pid", "829\n").file("/proc/829/comm", "auditd\n");
        assertThat(check.run(missing, Policy.defaults()).detail()).startsWith("command not found: auditctl");

        FakeProbe slow = running("enabled-running.txt", "watches.txt").timedOut(LIST, Duration.ofSeconds(5));
        Outcome o = check.run(slow, Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("timed out after 5 s");

        FakeProbe denied = running("enabled-running.txt", "watches.txt")
                .command(STATUS, 1, "", Fixtures.output("linux/auditctl-s/garbled.txt"));
        assertThat(check.run(denied, Policy.defaults()).detail()).contains("Operation not permitted");

        FakeProbe garbled = running("enabled-running.txt", "garbled.txt");
        assertThat(check.run(garbled, Policy.defaults()).detail()).startsWith("unrecognised output from `auditctl -l`");
    }

    @Test
    void reportsFailWhenAuditctlFailsAndThereIsNoDaemon() {
        FakeProbe p = installed().command(STATUS, 1, "", "Error sending status request (Operation not permitted)");
        assertThat(check.run(p, Policy.defaults()).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void judgesTheConfigurationUnderRoot() {
        FakeProbe enabled = installed().live(false)
                .listing("/etc/systemd/system/multi-user.target.wants", "auditd.service", "cron.service")
                .listing("/etc/audit/rules.d", "50-cis.rules", "audit.rules")
                .file("/etc/audit/rules.d/50-cis.rules", Fixtures.output("linux/audit-rules/cis-immutable.txt"))
                .file("/etc/audit/rules.d/audit.rules", Fixtures.output("linux/audit-rules/default-no-rules.txt"));
        Outcome o = check.run(enabled, Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).contains("configured with 6 audit rules").contains("(configured;");
        assertThat(o.facts()).containsEntry("source", "configured").containsEntry("enabled_at_boot", true);
        assertThat(enabled.ran()).isEmpty();

        FakeProbe noRules = installed().live(false)
                .listing("/etc/systemd/system/multi-user.target.wants", "auditd.service")
                .listing("/etc/audit/rules.d", "audit.rules")
                .file("/etc/audit/rules.d/audit.rules", Fixtures.output("linux/audit-rules/default-no-rules.txt"));
        assertThat(check.run(noRules, Policy.defaults()).status()).isEqualTo(Status.WARN);

        FakeProbe notEnabled = installed().live(false)
                .file("/etc/audit/audit.rules", Fixtures.output("linux/audit-rules/cis-immutable.txt"));
        Outcome off = check.run(notEnabled, Policy.defaults());
        assertThat(off.status()).isEqualTo(Status.FAIL);
        assertThat(off.detail()).contains("not enabled at boot (configured");

        FakeProbe sysv = installed().live(false).listing("/etc/rc2.d", "S01auditd", "S01cron")
                .file("/etc/audit/audit.rules", Fixtures.output("linux/audit-rules/cis-immutable.txt"));
        assertThat(check.run(sysv, Policy.defaults()).facts()).containsEntry("enabled_by", "/etc/rc2.d/S01auditd");

        FakeProbe masked = installed().live(false)
                .listing("/etc/systemd/system/multi-user.target.wants", "auditd.service")
                .stat("/etc/systemd/system/auditd.service", FileStat.Type.OTHER, 0666, 0, 0, T)
                .file("/etc/audit/audit.rules", Fixtures.output("linux/audit-rules/cis-immutable.txt"));
        assertThat(check.run(masked, Policy.defaults()).detail()).contains("masked");
    }

    @Test
    void reportsJournaldPersistenceAsAFactOnly() {
        FakeProbe p = FakeProbe.linux()
                .listing("/etc/systemd/journald.conf.d", "50-persistent.conf")
                .file("/etc/systemd/journald.conf", Fixtures.output("linux/journald-conf/debian12-default.txt"))
                .file("/etc/systemd/journald.conf.d/50-persistent.conf", Fixtures.output("linux/journald-conf/persistent-drop-in.txt"));
        Outcome o = check.run(p, Policy.defaults());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.facts()).containsEntry("journald_storage", "persistent").containsEntry("journald_persistent", true);

        FakeProbe auto = FakeProbe.linux().stat("/var/log/journal", FileStat.Type.DIRECTORY, 02755, 0, 101, T);
        assertThat(check.run(auto, Policy.defaults()).facts()).containsEntry("journald_persistent", true);
    }

    @Test
    void givesADefiniteWellFormedAnswerOnThisMachine() {
        Outcome o = check.run(LiveProbe.system(), Policy.defaults());
        assertThat(o.detail()).isNotBlank();
        assertThat(o.status()).isIn(Status.PASS, Status.WARN, Status.FAIL);
        System.out.println("logging.audit on this machine: " + o.status() + " — " + o.detail() + " " + o.facts());
    }
}
