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
 * The whole macOS audit, end to end through {@code vigil audit --replay}, on the two committed folders (see
 * {@code replay/macos-hardened/README.md}): every finding's status and the key phrase of its detail, the host,
 * the exit code and determinism. macOS cannot run here; these folders hold real and faithfully written outputs.
 */
class MacReplayEndToEndTest {

    private static final String NEGLECTED = "macos-neglected";
    private static final String HARDENED = "macos-hardened";

    @TempDir
    static Path out;

    private static ReplayAudits audits;

    @BeforeAll
    static void setUp() {
        audits = new ReplayAudits(out);
    }

    @ParameterizedTest(name = "{0} is {1}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            disk.encryption.system | FAIL | FileVault is off                                        | fdesetup status Off
            firewall.enabled       | FAIL | application firewall is off (State = 0)                 | socketfilterfw global state 0
            firewall.stealth       | FAIL | Stealth mode is off                                     | stealth off
            firewall.block-all     | WARN | Block all incoming connections is off                   | usual, info severity
            network.exposed-ports  | FAIL | 22 (launchd), 445 (launchd), 5900 (launchd), 6379       | sharing services and Redis on all interfaces
            remote.ssh             | FAIL | Remote Login (SSH server) is on                         | sshd loaded in launchd
            remote.screen-sharing  | FAIL | Remote Management (Apple Remote Desktop) is activated   | ARD marker file and launchd service
            patch.pending-updates  | FAIL | 1 security or macOS update pending                      | a Rapid Security Response waits
            patch.auto-updates     | FAIL | does not check for updates automatically                | AutomaticCheckEnabled off
            integrity.sip          | FAIL | System Integrity Protection is disabled                 | csrutil disabled
            integrity.gatekeeper   | FAIL | Gatekeeper is off                                       | spctl assessments disabled
            accounts.guest         | FAIL | guest account is on                                     | GuestEnabled 1
            screen.lock            | FAIL | No password is required                                 | sysadminctl screenLock off
            """)
    void neglectedMachineGivesTheExpectedFinding(String control, Status status, String phrase, String reason) {
        audits.assertFinding(NEGLECTED, control, status, phrase, reason);
    }

    @ParameterizedTest(name = "{0} is {1}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            disk.encryption.system | PASS | FileVault is on                                         | fdesetup status On
            firewall.enabled       | PASS | application firewall is on (State = 1)                  | socketfilterfw global state 1
            firewall.stealth       | PASS | Stealth mode is on                                      | stealth on
            firewall.block-all     | PASS | blocks all incoming connections                         | block-all on
            network.exposed-ports  | PASS | No TCP port is reachable beyond loopback                | two loopback listeners
            remote.ssh             | PASS | Remote Login (SSH server) is off                        | sshd not loaded
            remote.screen-sharing  | PASS | Screen Sharing and Remote Management are off            | neither loaded
            patch.pending-updates  | PASS | No recommended updates pending; last check today        | fresh Software Update plist
            patch.auto-updates     | PASS | checks, downloads and installs                          | all automatic keys on
            integrity.sip          | PASS | System Integrity Protection is enabled                  | csrutil enabled
            integrity.gatekeeper   | PASS | Gatekeeper is on                                        | spctl assessments enabled
            accounts.guest         | PASS | guest account is off                                    | GuestEnabled 0
            screen.lock            | PASS | required immediately                                    | screenLock immediate
            """)
    void hardenedMachineGivesTheExpectedFinding(String control, Status status, String phrase, String reason) {
        audits.assertFinding(HARDENED, control, status, phrase, reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {NEGLECTED, HARDENED})
    void everyMacControlHasExactlyOneFinding(String name) {
        List<String> controls = audits.shared(name).report().findings().stream().map(Finding::control).toList();
        assertThat(controls).doesNotHaveDuplicates().containsExactly(
                "disk.encryption.system", "firewall.enabled", "firewall.stealth", "firewall.block-all",
                "network.exposed-ports", "remote.ssh", "remote.screen-sharing", "patch.pending-updates",
                "patch.auto-updates", "integrity.sip", "integrity.gatekeeper", "accounts.guest", "screen.lock");
    }

    @Test
    void hostsAreTheRecordedOnes() {
        Report neglected = audits.shared(NEGLECTED).report();
        assertThat(neglected.host().hostname()).isEqualTo("Reception MacBook Air");
        assertThat(neglected.host().os().family()).isEqualTo(OsFamily.MACOS);
        assertThat(neglected.host().os().version()).isEqualTo("13.4.1");
        assertThat(neglected.host().arch()).isEqualTo("aarch64");
        Report hardened = audits.shared(HARDENED).report();
        assertThat(hardened.host().hostname()).isEqualTo("Finance MacBook Pro");
        assertThat(hardened.host().os().name()).isEqualTo("macOS 14.7.1 (23H222)");
        assertThat(hardened.host().id()).isNotEqualTo(neglected.host().id()).matches("[0-9a-f]{32}");
    }

    @Test
    void exitCodesFollowTheFailOnThreshold() {
        assertThat(audits.shared(NEGLECTED).exitCode()).isEqualTo(1);
        assertThat(audits.shared(HARDENED).exitCode()).isZero();
        assertThat(audits.shared(HARDENED).report().summary().score()).isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {NEGLECTED, HARDENED})
    void replayingTwiceGivesIdenticalFindings(String name) {
        audits.assertDeterministic(name);
    }
}
