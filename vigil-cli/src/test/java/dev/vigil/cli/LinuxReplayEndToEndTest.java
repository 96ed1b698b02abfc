package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.host.HostIdentity;
import dev.vigil.cli.ReplayAudits.Audited;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole Linux audit, end to end through {@code vigil audit --replay}, on the two committed replay folders
 * under {@code src/test/resources/replay/} (see the README there): every finding's status and the key phrase of
 * its detail, the exit code, the host, schema validity, and that a replay is deterministic.
 */
class LinuxReplayEndToEndTest {

    private static final String NEGLECTED = "linux-neglected";
    private static final String HARDENED = "linux-hardened";

    @TempDir
    static Path out;

    private static ReplayAudits audits;

    private static ReplayAudits audits() {
        if (audits == null) {
            audits = new ReplayAudits(out);
        }
        return audits;
    }

    private static Audited audit(String name, String... extra) {
        return audits().audit(name, extra);
    }

    private static Audited shared(String name) {
        return audits().shared(name);
    }

    private static Finding finding(String name, String control) {
        return audits().finding(name, control);
    }

    private static Path folder(String name) {
        return ReplayAudits.folder(name);
    }

    @ParameterizedTest(name = "{0} is {1}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            disk.encryption.system   | FAIL | rests on no encryption layer: vda holds it in the clear | ext4 root directly on the virtio disk
            disk.encryption.swap     | PASS | No swap is active                                       | /proc/swaps lists nothing
            firewall.enabled         | FAIL | No firewall is installed                                | no nft, iptables or firewall-cmd
            network.exposed-ports    | FAIL | 22 (sshd), 5432 (postgres); also exposed: 2024          | sshd and postgres on 0.0.0.0 and [::]
            remote.ssh.root-login    | FAIL | permitrootlogin yes                                     | sshd -T of a permissive sshd_config
            remote.ssh.password-auth | FAIL | passwordauthentication yes                              | sshd -T of a permissive sshd_config
            patch.pending-reboot     | PASS | No reboot pending                                       | no reboot-required flag, kernel not from a package
            patch.pending-updates    | FAIL | 74 security updates pending (121 updates in all)       | real apt list --upgradable output
            patch.auto-updates       | FAIL | unattended-upgrades is not installed                    | neither unattended-upgrades nor dnf-automatic
            integrity.mac            | FAIL | No mandatory access control is enforcing                | no SELinux, no AppArmor module
            integrity.secure-boot    | FAIL | Booted in legacy BIOS mode                              | no /sys/firmware/efi
            kernel.aslr              | WARN | kernel.randomize_va_space = 1                           | heap not randomised
            kernel.sysctl-hardening  | FAIL | 5 of 12 hardening sysctls differ from the policy        | redirects on, rp_filter off, kptr_restrict 0
            accounts.empty-passwords | FAIL | cloudsdk (/etc/shadow)                                  | password deleted with passwd -d
            accounts.uid0            | FAIL | user id 0 and full superuser power: toor                | second superuser toor
            files.shadow-permissions | FAIL | /etc/shadow has mode 0644, beyond 0640 (others can read) | world-readable shadow
            logging.audit            | FAIL | auditd is not installed                                 | no auditd
            """)
    void neglectedMachineGivesTheExpectedFinding(String control, Status status, String phrase, String reason) {
        audits().assertFinding(NEGLECTED, control, status, phrase, reason);
    }

    @ParameterizedTest(name = "{0} is {1}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            disk.encryption.system   | PASS | is encrypted: LVM on LUKS2                              | root LV in a VG on nvme0n1p3_crypt
            disk.encryption.swap     | PASS | All disk swap is encrypted: /dev/dm-2: LVM on LUKS2     | swap LV in the same VG
            firewall.enabled         | PASS | inet filter input: policy drop                          | nftables input chain drops
            network.exposed-ports    | PASS | No TCP port is reachable beyond loopback                | sshd and exim4 on 127.0.0.1 and ::1
            remote.ssh.root-login    | PASS | permitrootlogin no                                      | sshd -T of a hardened sshd_config
            remote.ssh.password-auth | PASS | passwordauthentication no, kbdinteractiveauthentication no | keys only
            patch.pending-reboot     | PASS | the running kernel 6.1.0-41-amd64 is the newest installed | /lib/modules and /boot hold only it
            patch.pending-updates    | PASS | No updates pending; package lists refreshed today       | apt-daily refreshed the lists at 06:24
            patch.auto-updates       | PASS | unattended-upgrades, run by apt-daily-upgrade.timer     | APT::Periodic on, timer enabled
            integrity.mac            | PASS | AppArmor is enforcing 7 of 7 loaded profiles            | Debian 12's shipped profiles
            integrity.secure-boot    | PASS | Secure Boot is enabled                                  | SecureBoot=1, SetupMode=0
            kernel.aslr              | PASS | kernel.randomize_va_space = 2                           | full randomisation
            kernel.sysctl-hardening  | PASS | All 12 hardening sysctls match the policy               | set by sysctl.d hardening
            accounts.empty-passwords | PASS | No account has an empty password                        | root locked, ops has a hash
            accounts.uid0            | PASS | Only root has user id 0                                 | no second superuser
            files.shadow-permissions | PASS | owned by root with an allowed group and mode within 0640 | shadow 0640 root:shadow
            logging.audit            | PASS | auditd is running (pid 598) with 10 audit rules loaded  | auditctl -s and -l
            """)
    void hardenedMachineGivesTheExpectedFinding(String control, Status status, String phrase, String reason) {
        audits().assertFinding(HARDENED, control, status, phrase, reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {NEGLECTED, HARDENED})
    void everyLinuxControlHasExactlyOneFinding(String name) {
        List<String> controls = shared(name).report().findings().stream().map(Finding::control).toList();
        assertThat(controls).doesNotHaveDuplicates().containsExactlyInAnyOrder(
                "disk.encryption.system", "disk.encryption.swap", "firewall.enabled", "network.exposed-ports",
                "remote.ssh.root-login", "remote.ssh.password-auth", "patch.pending-reboot", "patch.pending-updates",
                "patch.auto-updates", "integrity.mac", "integrity.secure-boot", "kernel.aslr", "kernel.sysctl-hardening",
                "accounts.empty-passwords", "accounts.uid0", "files.shadow-permissions", "logging.audit");
    }

    @Test
    void neglectedMachineFailsTheDefaultFailOnThreshold() {
        assertThat(shared(NEGLECTED).exitCode()).isEqualTo(1);
    }

    @Test
    void hardenedMachinePassesTheDefaultFailOnThreshold() {
        Audited a = shared(HARDENED);
        assertThat(a.exitCode()).isZero();
        assertThat(a.report().summary().score()).isEqualTo(100);
    }

    @Test
    void failOnNeverLetsTheNeglectedMachineExitZero() {
        assertThat(audit(NEGLECTED, "--fail-on", "never").exitCode()).isZero();
    }

    @Test
    void neglectedHostIsTheRecordedOne() throws IOException {
        Report r = shared(NEGLECTED).report();
        assertThat(r.host().hostname()).isEqualTo("legacy-web-01");
        assertThat(r.host().os().family().id()).isEqualTo("linux");
        assertThat(r.host().os().name()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(r.host().os().version()).isEqualTo("12");
        assertThat(r.host().arch()).isEqualTo("x86_64");
        assertThat(r.host().id()).isEqualTo(HostIdentity.hostId(machineId(NEGLECTED)));
        assertThat(r.elevated()).isTrue();
    }

    @Test
    void hardenedHostIsTheRecordedOne() throws IOException {
        Report r = shared(HARDENED).report();
        assertThat(r.host().hostname()).isEqualTo("app-prod-02");
        assertThat(r.host().os().family().id()).isEqualTo("linux");
        assertThat(r.host().os().name()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(r.host().os().version()).isEqualTo("12");
        assertThat(r.host().id()).isEqualTo(HostIdentity.hostId(machineId(HARDENED)));
        assertThat(r.elevated()).isTrue();
    }

    @Test
    void packageListAgeIsJudgedAtTheRecordedTimeNotToday() {
        Finding neglected = finding(NEGLECTED, "patch.pending-updates");
        assertThat(neglected.detail()).contains("package lists refreshed 84 days ago (older than 7 days)");
        assertThat(neglected.facts()).containsEntry("lists_age_days", 84);
        Finding hardened = finding(HARDENED, "patch.pending-updates");
        assertThat(hardened.facts()).containsEntry("lists_age_days", 0).containsEntry("apt_cache", "on disk, current");
    }

    @ParameterizedTest
    @ValueSource(strings = {NEGLECTED, HARDENED})
    void replayingTwiceGivesIdenticalFindings(String name) {
        audits().assertDeterministic(name);
    }

    private static String machineId(String name) throws IOException {
        return Files.readString(folder(name).resolve("files/etc/machine-id")).strip();
    }
}
