package dev.vigil.agent.check.remote.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.remote.macos.LaunchctlPrintParser.LoadedService;
import dev.vigil.agent.check.remote.macos.LaunchdOverridesParser.Override;
import dev.vigil.agent.check.remote.macos.SystemsetupRemoteLoginParser.Answer;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemoteParsersTest {

    private static String out(String fixture) {
        return Fixtures.output("macos/" + fixture + ".txt");
    }

    @ParameterizedTest(name = "{0}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # fixture                               | label                   | state       | program                            | what it is
            launchctl-print/sshd-loaded             | com.openssh.sshd        | not running | /usr/libexec/sshd-keygen-wrapper   | macOS 26, submitted by smd
            launchctl-print/sshd-loaded-older       | com.openssh.sshd        | waiting     | /usr/libexec/sshd-keygen-wrapper   | older, tab-indented, nested blocks
            launchctl-print/screensharing-loaded    | com.apple.screensharing | not running | /System/Library/CoreServices/RemoteManagement/screensharingd.bundle/Contents/MacOS/screensharingd | macOS 26
            """)
    void readsALoadedService(String fixture, String label, String state, String program, String what) throws ParseException {
        LoadedService s = LaunchctlPrintParser.parse(out(fixture), label);

        assertThat(s.state()).contains(state);
        assertThat(s.program()).contains(program);
    }

    @Test
    void rejectsTheBlockOfAnotherServiceOrNoBlock() {
        assertThatThrownBy(() -> LaunchctlPrintParser.parse(out("launchctl-print/wrong-service"), "com.openssh.sshd"))
                .isInstanceOf(ParseException.class).hasMessageContaining("system/com.openssh.sshd = {");
        assertThatThrownBy(() -> LaunchctlPrintParser.parse(out("launchctl-print/sshd-not-loaded"), "com.openssh.sshd"))
                .isInstanceOf(ParseException.class).hasMessageContaining("Bad request.");
        assertThatThrownBy(() -> LaunchctlPrintParser.parse("", "com.openssh.sshd")).isInstanceOf(ParseException.class)
                .hasMessageContaining("empty output");
    }

    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # fixture                                      | sshd     | screensharing | what it is
            launchctl-print-disabled/sshd-enabled          | ENABLED  | DISABLED      | macOS 11+ words, login item block after
            launchctl-print-disabled/all-disabled          | DISABLED | DISABLED      | every sharing service disabled
            launchctl-print-disabled/no-sharing-overrides  | -        | -             | newer macOS: smd writes no override
            launchctl-print-disabled/boolean-dialect       | ENABLED  | DISABLED      | older dialect, false = enabled
            """)
    void readsOverrides(String fixture, Override sshd, Override screensharing, String what) throws ParseException {
        var overrides = LaunchdOverridesParser.parse(out(fixture));

        assertThat(Optional.ofNullable(overrides.get("com.openssh.sshd"))).isEqualTo(Optional.ofNullable(sshd));
        assertThat(Optional.ofNullable(overrides.get("com.apple.screensharing"))).isEqualTo(Optional.ofNullable(screensharing));
    }

    @Test
    void ignoresTheLoginItemAssociations() throws ParseException {
        assertThat(LaunchdOverridesParser.parse(out("launchctl-print-disabled/sshd-enabled"))).doesNotContainKey("com.docker.helper");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            launchctl-print-disabled/truncated | not closed
            launchctl-print-disabled/empty     | expected a `disabled services = {` block
            """)
    void rejectsUnusableOverrides(String fixture, String message) {
        assertThatThrownBy(() -> LaunchdOverridesParser.parse(out(fixture))).isInstanceOf(ParseException.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            systemsetup-getremotelogin/on          | ON
            systemsetup-getremotelogin/off         | OFF
            systemsetup-getremotelogin/needs-admin | NEEDS_ADMINISTRATOR
            """)
    void readsSystemsetup(String fixture, Answer answer) throws ParseException {
        assertThat(SystemsetupRemoteLoginParser.parse(out(fixture))).isEqualTo(answer);
    }

    @Test
    void rejectsOtherSystemsetupOutput() {
        assertThatThrownBy(() -> SystemsetupRemoteLoginParser.parse(out("systemsetup-getremotelogin/garbled")))
                .isInstanceOf(ParseException.class).hasMessageContaining("Remote Login: maybe");
        assertThatThrownBy(() -> SystemsetupRemoteLoginParser.parse("")).isInstanceOf(ParseException.class).hasMessageContaining("empty output");
    }

    @Test
    void parsersFailOnlyWithParseException() {
        ParserProperties.throwsOnlyParseException(text -> LaunchctlPrintParser.parse(text, "com.openssh.sshd"),
                "macos/launchctl-print/sshd-loaded.txt", "macos/launchctl-print/sshd-loaded-older.txt");
        ParserProperties.throwsOnlyParseException(LaunchdOverridesParser::parse, "macos/launchctl-print-disabled/sshd-enabled.txt",
                "macos/launchctl-print-disabled/boolean-dialect.txt");
        ParserProperties.throwsOnlyParseException(SystemsetupRemoteLoginParser::parse, "macos/systemsetup-getremotelogin/on.txt",
                "macos/systemsetup-getremotelogin/needs-admin.txt");
    }
}
