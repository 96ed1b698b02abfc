package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.report.Finding;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole Windows audit, end to end through {@code vigil audit --replay}, on the two committed folders (see
 * {@code replay/windows-hardened/README.md}): every finding's status and the key phrase of its detail, the host,
 * the exit code and determinism. Windows cannot run here; these folders hold real and faithfully written outputs.
 */
class WindowsReplayEndToEndTest {

    private static final String NEGLECTED = "windows-neglected";
    private static final String HARDENED = "windows-hardened";

    @TempDir
    static Path out;

    private static ReplayAudits audits;

    @BeforeAll
    static void setUp() {
        audits = new ReplayAudits(out);
    }

    @ParameterizedTest(name = "{0} is {1}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            disk.encryption.system   | FAIL | is not encrypted with BitLocker                       | Get-BitLockerVolume missing, manage-bde says Fully Decrypted
            firewall.enabled         | FAIL | off for the Domain and Public profiles                | two profiles switched off
            firewall.default-inbound | FAIL | allowed on the Private profile                        | DefaultInboundAction Allow
            network.exposed-ports    | FAIL | 135 (svchost), 139 (System), 445 (System), 3389       | RPC, NetBIOS, SMB, RDP and VNC listen everywhere
            remote.rdp               | FAIL | enabled without Network Level Authentication          | fDenyTSConnections 0, UserAuthentication 0
            remote.smb1              | FAIL | accepts SMBv1                                         | EnableSMB1Protocol true
            patch.pending-reboot     | FAIL | Reboot pending                                        | RebootPending and RebootRequired keys present
            patch.last-update        | FAIL | 134 days ago                                          | newest hotfix from July
            integrity.secure-boot    | FAIL | Booted in legacy BIOS mode                            | Confirm-SecureBootUEFI not supported
            integrity.antimalware    | FAIL | real-time protection is off                           | Defender off, no other antivirus
            integrity.uac            | FAIL | User Account Control is off (EnableLUA = 0)           | UAC disabled
            accounts.guest           | FAIL | Guest account is enabled                              | RID 501 enabled
            """)
    void neglectedMachineGivesTheExpectedFinding(String control, Status status, String phrase, String reason) {
        audits.assertFinding(NEGLECTED, control, status, phrase, reason);
    }

    @ParameterizedTest(name = "{0} is {1}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            disk.encryption.system   | PASS | fully encrypted with BitLocker (XtsAes128) and protection is on | TPM and recovery password
            firewall.enabled         | PASS | on for the Domain, Private and Public profiles        | all profiles on
            firewall.default-inbound | PASS | blocked on the Domain, Private and Public profiles    | DefaultInboundAction Block
            network.exposed-ports    | FAIL | 135 (svchost)                                         | every Windows listens on 135, a high-risk port in the default policy
            remote.rdp               | PASS | Remote Desktop is disabled                            | fDenyTSConnections 1
            remote.smb1              | PASS | does not accept SMBv1                                 | EnableSMB1Protocol false
            patch.pending-reboot     | PASS | No reboot pending                                     | no pending keys
            patch.last-update        | PASS | KB5046633, was installed on 2026-11-13 (7 days ago)  | November cumulative update
            integrity.secure-boot    | PASS | Secure Boot is enabled                                | Confirm-SecureBootUEFI True
            integrity.antimalware    | PASS | Microsoft Defender real-time protection is on         | Defender on, fresh signatures
            integrity.uac            | PASS | User Account Control is on (EnableLUA = 1)            | default consent prompt
            accounts.guest           | PASS | Guest account is disabled                             | RID 501 disabled
            """)
    void hardenedMachineGivesTheExpectedFinding(String control, Status status, String phrase, String reason) {
        audits.assertFinding(HARDENED, control, status, phrase, reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {NEGLECTED, HARDENED})
    void everyWindowsControlHasExactlyOneFinding(String name) {
        List<String> controls = audits.shared(name).report().findings().stream().map(Finding::control).toList();
        assertThat(controls).doesNotHaveDuplicates().containsExactly(
                "disk.encryption.system", "firewall.enabled", "firewall.default-inbound", "network.exposed-ports",
                "remote.rdp", "remote.smb1", "patch.pending-reboot", "patch.last-update", "integrity.secure-boot",
                "integrity.antimalware", "integrity.uac", "accounts.guest");
    }

    @Test
    void hostsAreTheRecordedOnes() {
        Report neglected = audits.shared(NEGLECTED).report();
        assertThat(neglected.host().hostname()).isEqualTo("RECEPTION-PC");
        assertThat(neglected.host().os().family()).isEqualTo(OsFamily.WINDOWS);
        assertThat(neglected.host().os().name()).isEqualTo("Windows 10 Enterprise");
        Report hardened = audits.shared(HARDENED).report();
        assertThat(hardened.host().hostname()).isEqualTo("DESKTOP-7Q2M4KD");
        assertThat(hardened.host().os().name()).isEqualTo("Windows 11 Pro");
        assertThat(hardened.host().os().version()).isEqualTo("23H2 (build 22631.4460)");
        assertThat(hardened.host().id()).isNotEqualTo(neglected.host().id()).matches("[0-9a-f]{32}");
    }

    @Test
    void exitCodesFollowTheFailOnThreshold() {
        assertThat(audits.shared(NEGLECTED).exitCode()).isEqualTo(1);
        // the hardened laptop still fails network.exposed-ports (high) on port 135
        assertThat(audits.shared(HARDENED).exitCode()).isEqualTo(1);
        assertThat(audits.audit(HARDENED, "--fail-on", "critical").exitCode()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {NEGLECTED, HARDENED})
    void replayingTwiceGivesIdenticalFindings(String name) {
        audits.assertDeterministic(name);
    }
}
