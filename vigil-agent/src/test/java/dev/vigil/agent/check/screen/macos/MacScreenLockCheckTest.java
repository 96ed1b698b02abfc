package dev.vigil.agent.check.screen.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MacScreenLockCheckTest {

    private static final Policy POLICY = Policy.defaults();
    private static final List<String> SYSADMINCTL = MacScreenLockCheck.SYSADMINCTL.argv();
    private final MacScreenLockCheck check = new MacScreenLockCheck();

    private static FakeProbe mac() {
        return FakeProbe.linux().family(OsFamily.MACOS);
    }

    private static String stderr(String name) {
        return Fixtures.output("macos/sysadminctl-screenlock/" + name);
    }

    private static String profile(String askForPassword, String delay) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                + "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n<plist version=\"1.0\">\n<dict>\n"
                + "\t<key>askForPassword</key>\n\t<" + askForPassword + "/>\n"
                + (delay == null ? "" : "\t<key>askForPasswordDelay</key>\n\t<integer>" + delay + "</integer>\n")
                + "\t<key>idleTime</key>\n\t<integer>600</integer>\n</dict>\n</plist>\n";
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // password at once
            "immediate.txt | PASS | A password is required immediately after sleep or the screen saver (sysadminctl).",
            // five seconds of grace, the most CIS allows
            "five-seconds.txt | PASS | A password is required 5 seconds after sleep or the screen saver (sysadminctl).",
            // five minutes of grace
            "five-minutes.txt | WARN | A password is required only 5 minutes after sleep or the screen saver starts, longer than 5 seconds (sysadminctl).",
            // no password
            "off.txt | FAIL | No password is required after sleep or the screen saver (sysadminctl).",
    })
    void decidesFromSysadminctl(String file, Status status, String detail) {
        Outcome o = check.run(mac().command(SYSADMINCTL, 0, "", stderr(file)), POLICY);
        assertThat(o.status()).isEqualTo(status);
        assertThat(o.detail()).isEqualTo(detail);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // an error log line
            "garbled.txt",
            // nothing
            "empty.txt",
    })
    void rejectsUnusableSysadminctlOutput(String file) {
        assertThatThrownBy(() -> SysadminctlScreenLockParser.parse(stderr(file))).isInstanceOf(ParseException.class);
        assertThat(check.run(mac().command(SYSADMINCTL, 0, "", stderr(file)), POLICY).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aConfigurationProfileDecidesWithoutAskingSysadminctl() {
        FakeProbe probe = mac().file(MacScreenLockCheck.MANAGED, profile("true", "0")).command(SYSADMINCTL, 0, "", stderr("off.txt"));
        Outcome o = check.run(probe, POLICY);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.facts()).containsEntry("source", "configuration profile");
        assertThat(probe.ran()).isEmpty();
        assertThat(check.run(mac().file(MacScreenLockCheck.MANAGED, profile("true", "60")), POLICY).status()).isEqualTo(Status.WARN);
        assertThat(check.run(mac().file(MacScreenLockCheck.MANAGED, profile("false", null)), POLICY).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aProfileWithoutAskForPasswordLeavesItToTheUser() {
        String delayOnly = profile("true", "5").replace("\t<key>askForPassword</key>\n\t<true/>\n", "");
        Outcome o = check.run(mac().file(MacScreenLockCheck.MANAGED, delayOnly).command(SYSADMINCTL, 0, "", stderr("off.txt")), POLICY);
        assertThat(o.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void unknownWhenSysadminctlIsMissingTimesOutOrCannotRun() {
        assertThat(check.run(mac(), POLICY).detail()).isEqualTo("command not found: /usr/sbin/sysadminctl");
        assertThat(check.run(mac().timedOut(SYSADMINCTL, Duration.ofSeconds(5)), POLICY).status()).isEqualTo(Status.UNKNOWN);
        Outcome root = check.run(mac().live(false).file(MacScreenLockCheck.MANAGED, "garbage"), POLICY);
        assertThat(root.status()).isEqualTo(Status.UNKNOWN);
        assertThat(root.detail()).startsWith("cannot run /usr/sbin/sysadminctl").contains("configuration profile's settings are unreadable");
    }

    @Test
    void underRootAProfileStillDecides() {
        assertThat(check.run(mac().live(false).file(MacScreenLockCheck.MANAGED, profile("true", "5")), POLICY).status()).isEqualTo(Status.PASS);
    }

    @Test
    void arbitraryTextNeverThrowsAnythingButParseException() {
        ParserProperties.throwsOnlyParseException(SysadminctlScreenLockParser::parse,
                "macos/sysadminctl-screenlock/immediate.txt", "macos/sysadminctl-screenlock/five-minutes.txt");
        ParserProperties.throwsOnlyParseException(MacScreenLockCheck::managed, "macos/managed-softwareupdate-plist/all-on.txt");
    }
}
