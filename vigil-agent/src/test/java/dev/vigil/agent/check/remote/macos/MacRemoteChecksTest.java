package dev.vigil.agent.check.remote.macos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MacRemoteChecksTest {

    private static final List<String> PRINT_SSHD = LaunchdService.print(MacRemoteLoginCheck.LABEL).argv();
    private static final List<String> PRINT_VNC = LaunchdService.print(MacScreenSharingCheck.LABEL).argv();
    private static final List<String> DISABLED = LaunchdService.PRINT_DISABLED.argv();
    private static final List<String> SYSTEMSETUP = MacRemoteLoginCheck.SYSTEMSETUP.argv();

    private static String out(String fixture) {
        return Fixtures.output("macos/" + fixture + ".txt");
    }

    private static FakeProbe mac() {
        return FakeProbe.linux().family(OsFamily.MACOS);
    }

    /** Plants launchctl print: a fixture name ending in "-loaded" exits 0, "-not-loaded" exits 113. */
    private static FakeProbe print(FakeProbe p, List<String> argv, String fixture) {
        return fixture.endsWith("not-loaded") ? p.command(argv, 113, "", out("launchctl-print/" + fixture)) : p.command(argv, 0, out("launchctl-print/" + fixture));
    }

    private static Outcome ssh(FakeProbe p) {
        return new MacRemoteLoginCheck().run(p, Policy.defaults());
    }

    private static Outcome vnc(FakeProbe p) {
        return new MacScreenSharingCheck().run(p, Policy.defaults());
    }

    @ParameterizedTest(name = "sshd {0}, overrides {1}, systemsetup {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # launchctl print      | print-disabled       | systemsetup | status  | detail contains
            sshd-loaded            | no-sharing-overrides | on          | FAIL    | launchd has sshd loaded
            sshd-loaded-older      | sshd-enabled         | off         | FAIL    | launchd has sshd loaded
            sshd-not-loaded        | sshd-enabled         | off         | FAIL    | override enables sshd, so it is loaded at the next boot
            sshd-not-loaded        | boolean-dialect      | off         | FAIL    | override enables sshd
            sshd-not-loaded        | all-disabled         | on          | FAIL    | systemsetup -getremotelogin says On
            sshd-not-loaded        | all-disabled         | off         | PASS    | Remote Login (SSH server) is off
            sshd-not-loaded        | no-sharing-overrides | needs-admin | PASS    | Remote Login (SSH server) is off
            sshd-not-loaded        | truncated            | off         | PASS    | Remote Login (SSH server) is off
            """)
    void judgesRemoteLogin(String print, String overrides, String systemsetup, Status status, String detail) {
        FakeProbe p = print(mac(), PRINT_SSHD, print).command(DISABLED, 0, out("launchctl-print-disabled/" + overrides))
                .command(SYSTEMSETUP, 0, out("systemsetup-getremotelogin/" + systemsetup));

        Outcome o = ssh(p);

        assertThat(o.status()).isEqualTo(status);
        assertThat(o.detail()).contains(detail);
    }

    @Test
    void recordsEverySourceInTheFacts() {
        Outcome o = ssh(print(mac(), PRINT_SSHD, "sshd-loaded").command(DISABLED, 0, out("launchctl-print-disabled/no-sharing-overrides"))
                .command(SYSTEMSETUP, 0, out("systemsetup-getremotelogin/off")));

        assertThat(o.facts()).containsEntry("sshd_loaded", true)
                .containsEntry("sshd_launchd_state", "not running")
                .containsEntry("sshd_program", "/usr/libexec/sshd-keygen-wrapper")
                .containsEntry("sshd_override", "none")
                .containsEntry("systemsetup", "Off");
    }

    @Test
    void decidesRemoteLoginWithoutRootFromLaunchdAlone() {
        FakeProbe p = print(mac().elevated(false), PRINT_SSHD, "sshd-not-loaded").command(DISABLED, 0, out("launchctl-print-disabled/all-disabled"));

        Outcome o = ssh(p);

        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.facts()).containsEntry("systemsetup", "not asked: it requires root");
        assertThat(p.ran()).doesNotContain(SYSTEMSETUP);
    }

    @Test
    void reportsUnknownWhenLaunchdCannotBeAsked() {
        Outcome missing = ssh(mac());
        Outcome hung = ssh(mac().timedOut(PRINT_SSHD, Duration.ofSeconds(5)).command(DISABLED, 0, out("launchctl-print-disabled/all-disabled")));
        Outcome garbled = ssh(mac().command(PRINT_SSHD, 0, out("launchctl-print/wrong-service")).command(DISABLED, 0, out("launchctl-print-disabled/all-disabled")));

        assertThat(missing.status()).isEqualTo(Status.UNKNOWN);
        assertThat(missing.detail()).isEqualTo("cannot tell whether Remote Login is on: command not found: /bin/launchctl; command not found: /bin/launchctl");
        assertThat(hung.detail()).contains("timed out after 5 s");
        assertThat(garbled.detail()).contains("unrecognised output from `/bin/launchctl print system/com.openssh.sshd`");
    }

    @Test
    void believesSystemsetupOnEvenWhenLaunchdCannotBeAsked() {
        assertThat(ssh(mac().command(SYSTEMSETUP, 0, "Remote Login: On\n")).status()).isEqualTo(Status.FAIL);
    }

    @ParameterizedTest(name = "screensharing {0}, overrides {1}, marker {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # launchctl print            | print-disabled       | ARD marker | status | detail contains
            screensharing-loaded         | no-sharing-overrides | -          | FAIL   | launchd has the screen sharing service loaded
            screensharing-not-loaded     | all-disabled         | enabled    | FAIL   | Remote Management (Apple Remote Desktop) is activated
            screensharing-loaded         | all-disabled         | enabled    | FAIL   | Remote Management (Apple Remote Desktop) is activated; launchd has the screen sharing service loaded
            screensharing-not-loaded     | all-disabled         | -          | PASS   | Screen Sharing and Remote Management are off.
            screensharing-not-loaded     | no-sharing-overrides | disabled   | PASS   | Screen Sharing and Remote Management are off.
            """)
    void judgesScreenSharing(String print, String overrides, String marker, Status status, String detail) {
        FakeProbe p = print(mac(), PRINT_VNC, print).command(DISABLED, 0, out("launchctl-print-disabled/" + overrides));
        if (marker != null) {
            p.file(MacScreenSharingCheck.ARD_MARKER, marker + "\n");
        }

        Outcome o = vnc(p);

        assertThat(o.status()).isEqualTo(status);
        assertThat(o.detail()).contains(detail);
    }

    @Test
    void screenSharingEnabledByOverrideOnlyFails() {
        String overrides = "disabled services = {\n\t\"com.apple.screensharing\" => enabled\n}\n";
        Outcome o = vnc(print(mac(), PRINT_VNC, "screensharing-not-loaded").command(DISABLED, 0, overrides));

        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.facts()).containsEntry("screensharing_override", "enabled").containsEntry("remote_management", false);
    }

    @Test
    void reportsUnknownScreenSharingWhenLaunchdCannotBeAsked() {
        Outcome o = vnc(mac().elevated(false));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("cannot tell whether Screen Sharing is on: command not found: /bin/launchctl");
        assertThat(o.facts()).containsEntry("remote_management_marker", "absent");
    }

    @Test
    void readsTheMarkerEvenWhenLaunchdHangs() {
        FakeProbe p = mac().timedOut(PRINT_VNC, Duration.ofSeconds(5)).timedOut(DISABLED, Duration.ofSeconds(5))
                .file(MacScreenSharingCheck.ARD_MARKER, "enabled\n");

        assertThat(vnc(p).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void reportsUnknownUnderRootSinceNoCommandRuns() {
        assertThat(ssh(mac().live(false)).detail()).contains("mounted file system");
        assertThat(vnc(mac().live(false)).detail()).contains("mounted file system");
    }
}
