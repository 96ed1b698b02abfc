package dev.vigil.agent.check.remote.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.windows.Registry;
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

class Smb1CheckTest {

    private static final List<String> REG = Registry.value(Smb1Check.PARAMETERS, Smb1Check.SMB1).argv();

    private static FakeProbe windows() {
        return FakeProbe.linux().family(OsFamily.WINDOWS);
    }

    private static FakeProbe cmdlet(String fixture) {
        return windows().command(Smb1Check.CMDLET.argv(), 0, Fixtures.output("windows/get-smbserverconfiguration/" + fixture + ".txt"));
    }

    private static Outcome run(FakeProbe p) {
        return new Smb1Check().run(p, Policy.defaults());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            smb1-disabled | false | off, the default since Windows 10 1709
            smb1-enabled  | true  | turned on
            """)
    void readsEnableSmb1Protocol(String file, boolean enabled, String what) throws ParseException {
        String text = Fixtures.output("windows/get-smbserverconfiguration/" + file + ".txt");
        assertThat(SmbServerConfigurationParser.smb1Enabled(text)).isEqualTo(enabled);
        assertThat(SmbServerConfigurationParser.smb1Enabled(text.replace("\n", "\r\n"))).isEqualTo(enabled);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"no-field", "garbled", "empty"})
    void rejectsOutputWithoutTheSetting(String file) {
        assertThatThrownBy(() -> SmbServerConfigurationParser.smb1Enabled(Fixtures.output("windows/get-smbserverconfiguration/" + file + ".txt")))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void parserThrowsOnlyParseException() {
        ParserProperties.throwsOnlyParseException(SmbServerConfigurationParser::smb1Enabled,
                "windows/get-smbserverconfiguration/smb1-enabled.txt", "windows/get-smbserverconfiguration/no-field.txt");
    }

    @Test
    void reportsFailWhenSmb1IsOn() {
        Outcome o = run(cmdlet("smb1-enabled"));

        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).startsWith("The SMB server accepts SMBv1");
        assertThat(o.facts()).containsEntry("smb1_server", "enabled").containsEntry("source", "Get-SmbServerConfiguration");
    }

    @Test
    void reportsPassWhenSmb1IsOff() {
        Outcome o = run(cmdlet("smb1-disabled"));

        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).isEqualTo("The SMB server does not accept SMBv1.");
    }

    @Test
    void readsTheRegistryWithoutAdministratorAndSaysWhy() {
        FakeProbe p = cmdlet("smb1-enabled").elevated(false).command(REG, 0, Fixtures.output("windows/reg-query/smb1-0.txt"));

        Outcome o = run(p);

        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.facts()).containsEntry("cmdlet", "not run: Get-SmbServerConfiguration requires administrator")
                .containsEntry("source", "registry " + Smb1Check.PARAMETERS + "\\SMB1");
        assertThat(p.ran()).containsExactly(REG);
    }

    @Test
    void fallsBackToTheRegistryWhenTheCmdletFails() {
        FakeProbe p = windows().timedOut(Smb1Check.CMDLET.argv(), Duration.ofSeconds(10))
                .command(REG, 0, Fixtures.output("windows/reg-query/smb1-0.txt").replace("0x0", "0x1"));

        Outcome o = run(p);

        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat((String) o.facts().get("cmdlet")).contains("timed out after 10 s");
    }

    @Test
    void reportsUnknownWhenTheRegistryValueIsNotSet() {
        Outcome o = run(windows().command(REG, 1, "", Fixtures.output("windows/reg-query/not-found-stderr.txt")));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("cannot tell whether the SMBv1 server is enabled: SMB1 is not set")
                .contains("SMB 1.0/CIFS Server feature").endsWith("(Get-SmbServerConfiguration: command not found: powershell.exe)");
    }

    @Test
    void reportsUnknownWhenNothingAnswers() {
        Outcome o = run(windows().elevated(false));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).isEqualTo("cannot tell whether the SMBv1 server is enabled: command not found: reg "
                + "(Get-SmbServerConfiguration: not run: Get-SmbServerConfiguration requires administrator)");
    }

    @Test
    void needsALiveSystem() {
        assertThat(new Smb1Check().needs()).containsExactly(Need.LIVE_SYSTEM);
        assertThat(run(cmdlet("smb1-enabled").live(false)).status()).isEqualTo(Status.UNKNOWN);
    }
}
