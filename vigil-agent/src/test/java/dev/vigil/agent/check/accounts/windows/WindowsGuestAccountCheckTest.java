package dev.vigil.agent.check.accounts.windows;

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

class WindowsGuestAccountCheckTest {

    private static final List<String> LOCAL_USER = WindowsGuestAccountCheck.LOCAL_USER.argv();
    private static final List<String> NET_USER = WindowsGuestAccountCheck.NET_USER.argv();
    private final WindowsGuestAccountCheck check = new WindowsGuestAccountCheck();

    private static String lu(String name) {
        return Fixtures.output("windows/get-localuser-guest/" + name);
    }

    private static String nu(String name) {
        return Fixtures.output("windows/net-user-guest/" + name);
    }

    private static FakeProbe windows() {
        return FakeProbe.linux().family(OsFamily.WINDOWS);
    }

    private Outcome run(FakeProbe probe) {
        return check.run(probe, Policy.defaults());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // PowerShell 5.1, disabled
            "disabled-ps51.txt | Guest | false",
            // PowerShell 7, enabled
            "enabled-ps7.txt | Guest | true",
            // German name
            "renamed-german.txt | Gast | false",
            // SID as an object
            "sid-object.txt | Guest | true",
    })
    void localUserParserReadsTheGuestAccount(String fixture, String name, boolean enabled) throws ParseException {
        assertThat(LocalUserParser.parse(lu(fixture))).containsExactly(new LocalAccount(name, enabled));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // not active
            "disabled.txt | false",
            // active
            "enabled.txt | true",
    })
    void netUserParserReadsAccountActive(String fixture, boolean active) throws ParseException {
        assertThat(NetUserParser.parse(nu(fixture))).isEqualTo(new LocalAccount("Guest", active));
    }

    @Test
    void parsersRejectWhatTheyCannotRead() {
        assertThatThrownBy(() -> LocalUserParser.parse(lu("garbled.txt"))).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> NetUserParser.parse(nu("german.txt"))).isInstanceOf(ParseException.class)
                .hasMessageContaining("another language");
        assertThatThrownBy(() -> NetUserParser.parse(nu("not-found.txt"))).isInstanceOf(ParseException.class);
    }

    @Test
    void parsersThrowNothingButParseException() {
        ParserProperties.throwsOnlyParseException(LocalUserParser::parse, "windows/get-localuser-guest/sid-object.txt",
                "windows/get-localuser-guest/enabled-ps7.txt");
        ParserProperties.throwsOnlyParseException(NetUserParser::parse, "windows/net-user-guest/enabled.txt");
    }

    @Test
    void reportsPassWhenGuestIsDisabled() {
        Outcome o = run(windows().command(LOCAL_USER, 0, lu("disabled-ps51.txt")));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).isEqualTo("The built-in Guest account is disabled.");
        assertThat(o.facts()).containsEntry("renamed", false).containsEntry("source", "Get-LocalUser");
    }

    @Test
    void reportsFailWhenGuestIsEnabled() {
        Outcome o = run(windows().command(LOCAL_USER, 0, lu("enabled-ps7.txt")));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).startsWith("The built-in Guest account is enabled");
    }

    @Test
    void findsARenamedGuestByItsId() {
        Outcome o = run(windows().command(LOCAL_USER, 0, lu("renamed-german.txt")));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).contains("(named 'Gast')");
        assertThat(o.facts()).containsEntry("renamed", true);
    }

    @Test
    void reportsNotApplicableWithoutAGuestAccount() {
        assertThat(run(windows().command(LOCAL_USER, 0, lu("empty.txt"))).status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void fallsBackToNetUserWhenGetLocalUserIsMissing() {
        FakeProbe host = windows().command(LOCAL_USER, 1, "", lu("not-recognized.txt")).command(NET_USER, 0, nu("enabled.txt"));
        Outcome o = run(host);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.facts()).containsEntry("source", "net user Guest");
        assertThat(host.ran()).containsExactly(LOCAL_USER, NET_USER);
    }

    @Test
    void fallsBackToNetUserWhenPowerShellIsMissingOrTimesOutOrGarbles() {
        assertThat(run(windows().command(NET_USER, 0, nu("disabled.txt"))).status()).isEqualTo(Status.PASS);
        assertThat(run(windows().timedOut(LOCAL_USER, Duration.ofSeconds(10)).command(NET_USER, 0, nu("disabled.txt"))).status())
                .isEqualTo(Status.PASS);
        assertThat(run(windows().command(LOCAL_USER, 0, lu("garbled.txt")).command(NET_USER, 0, nu("disabled.txt"))).status())
                .isEqualTo(Status.PASS);
    }

    @Test
    void reportsUnknownWhenNetUserCannotTellEither() {
        Outcome notFound = run(windows().command(LOCAL_USER, 1, "", lu("not-recognized.txt")).command(NET_USER, 2, "", nu("not-found.txt")));
        assertThat(notFound.status()).isEqualTo(Status.UNKNOWN);
        assertThat(notFound.detail()).startsWith("Get-LocalUser failed: The term 'Get-LocalUser' is not recognized")
                .endsWith("finds no account named Guest (renamed, or named in another language)");
        Outcome german = run(windows().command(NET_USER, 0, nu("german.txt")));
        assertThat(german.detail()).isEqualTo("command not found: powershell.exe; and no 'Account active' line in `net user` output "
                + "(Windows may display another language): 'Benutzername                          Gast'");
        assertThat(run(windows()).detail()).isEqualTo("command not found: powershell.exe; and command not found: net");
    }

    @Test
    void decidesWithoutAdministratorRightsAndNotUnderRoot() {
        assertThat(run(windows().elevated(false).command(LOCAL_USER, 0, lu("disabled-ps51.txt"))).status()).isEqualTo(Status.PASS);
        assertThat(run(windows().live(false)).status()).isEqualTo(Status.UNKNOWN);
    }
}
