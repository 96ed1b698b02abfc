package dev.vigil.agent.check.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import dev.vigil.core.report.OsFamily;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryTest {

    private static final String KEY = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server";

    private static String fixture(String name) {
        return Fixtures.output("windows/reg-query/" + name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // a key with a subkey and no values
            "cbs-rebootpending-present.txt | 0 | 2",
            // a key with two DWORD values
            "wu-rebootrequired-present.txt | 2 | 1",
            // a key with values (two empty REG_SZ among them) and two subkeys
            "uac-default.txt | 23 | 3",
            // one REG_SZ value
            "machineguid.txt | 1 | 1",
            // cut off mid-line: the complete lines only
            "truncated.txt | 2 | 1",
            // the CurrentVersion key, trimmed, with two subkeys
            "currentversion-win11.txt | 21 | 3",
    })
    void parsesKeysValuesAndSubkeys(String fixture, int values, int keys) throws ParseException {
        List<RegKey> parsed = Registry.parse(fixture(fixture));
        assertThat(parsed).hasSize(keys);
        assertThat(parsed.getFirst().values()).hasSize(values);
    }

    @ParameterizedTest(name = "{0}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            fdenytsconnections-1     | fDenyTSConnections | REG_DWORD | 0x1            | Remote Desktop off
            fdenytsconnections-0     | fDenyTSConnections | REG_DWORD | 0x0            | Remote Desktop on
            userauthentication-1     | UserAuthentication | REG_DWORD | 0x1            | NLA required
            smb1-0                   | SMB1               | REG_DWORD | 0x0            | SMBv1 off
            string-value             | ProductName        | REG_SZ    | Windows 10 Pro | a string with spaces
            """)
    void readsTheValueLine(String file, String name, String type, String data, String what) throws ParseException {
        for (String text : List.of(fixture(file + ".txt"), fixture(file + ".txt").replace("\n", "\r\n"))) {
            RegValue v = Registry.parse(text).getFirst().require(name);

            assertThat(v).isEqualTo(new RegValue(name, type, data));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // usage text: no key path
            "garbled.txt",
            // nothing at all
            "empty.txt",
            // reg's not-found message (stderr)
            "not-found.txt",
            // the same message, recorded for a value query
            "not-found-stderr.txt",
    })
    void rejectsOutputWithoutAKey(String fixture) {
        assertThatThrownBy(() -> Registry.parse(fixture(fixture))).isInstanceOf(ParseException.class)
                .hasMessageContaining("HKEY_");
    }

    @Test
    void requiresTheAskedForValue() throws ParseException {
        RegKey key = Registry.parse(fixture("fdenytsconnections-1.txt")).getFirst();
        assertThatThrownBy(() -> key.require("UserAuthentication")).isInstanceOf(ParseException.class)
                .hasMessageContaining("UserAuthentication");
    }

    @Test
    void readsDwordsMultiStringsAndEmptyStrings() throws ParseException {
        RegKey uac = Registry.parse(fixture("uac-default.txt")).getFirst();
        assertThat(uac.value("enablelua").flatMap(RegValue::number)).contains(1L);
        assertThat(uac.value("legalnoticetext").map(RegValue::data)).contains("");
        RegKey renames = Registry.parse(fixture("pending-file-rename.txt")).getFirst();
        assertThat(renames.value("PendingFileRenameOperations").orElseThrow().parts()).hasSize(4)
                .startsWith("\\??\\C:\\Windows\\Temp\\MpSigStub.tmp", "");
        RegKey cv = Registry.parse(fixture("currentversion-win11.txt")).getFirst();
        assertThat(cv.value("ProductName").map(RegValue::data)).contains("Windows 10 Pro");
        assertThat(cv.value("UBR").flatMap(RegValue::number)).contains(4460L);
    }

    @Test
    void readsDwordsStrictlyAndRejectsOtherTypes() throws ParseException {
        assertThat(Registry.parse(fixture("fdenytsconnections-0.txt")).getFirst().require("fDenyTSConnections").dword()).isZero();
        assertThatThrownBy(() -> Registry.parse(fixture("string-value.txt")).getFirst().require("ProductName").dword())
                .isInstanceOf(ParseException.class).hasMessageContaining("REG_DWORD");
    }

    @Test
    void readTellsAbsenceFromFailure() {
        List<String> argv = Registry.key("HKLM\\SOFTWARE\\X").argv();
        assertThat(Registry.read(new CommandResult.Completed(argv, 1, "", fixture("not-found.txt"))))
                .isInstanceOf(Registry.Read.Absent.class);
        assertThat(Registry.read(new CommandResult.Completed(argv, 1, "", fixture("access-denied.txt"))))
                .isEqualTo(new Registry.Read.Failed("`reg query 'HKLM\\SOFTWARE\\X'` exited 1: ERROR: Access is denied."));
        assertThat(Registry.read(new CommandResult.NotFound(argv))).isEqualTo(new Registry.Read.Failed("command not found: reg"));
        assertThat(Registry.read(new CommandResult.TimedOut(argv, Duration.ofSeconds(5))))
                .isInstanceOf(Registry.Read.Failed.class);
        assertThat(Registry.read(new CommandResult.Completed(argv, 0, "", ""))).isInstanceOf(Registry.Read.Found.class);
        assertThat(Registry.read(new CommandResult.Completed(argv, 0, fixture("garbled.txt"), "")))
                .isInstanceOf(Registry.Read.Failed.class);
    }

    @Test
    void saysAbsentWhenRegExitsOneAndFailedOtherwise() {
        FakeProbe probe = FakeProbe.linux().family(OsFamily.WINDOWS)
                .command(Registry.value(KEY, "a").argv(), 1, "", fixture("not-found-stderr.txt"))
                .command(Registry.value(KEY, "b").argv(), 1, "", "ERROR: Access is denied.\n")
                .timedOut(Registry.value(KEY, "c").argv(), Duration.ofSeconds(5))
                .command(Registry.value(KEY, "e").argv(), 1, "", "FEHLER: Der angegebene Registrierungsschlüssel bzw. Wert wurde nicht gefunden.\n");

        assertThat(Registry.read(probe.run(Registry.value(KEY, "a")))).isInstanceOf(Registry.Read.Absent.class);
        assertThat(Registry.read(probe.run(Registry.value(KEY, "b"))))
                .isEqualTo(new Registry.Read.Failed("`reg query '" + KEY + "' /v b` exited 1: ERROR: Access is denied."));
        assertThat(Registry.read(probe.run(Registry.value(KEY, "c")))).isInstanceOf(Registry.Read.Failed.class);
        assertThat(Registry.read(probe.run(Registry.value(KEY, "d")))).isEqualTo(new Registry.Read.Failed("command not found: reg"));
        assertThat(Registry.read(probe.run(Registry.value(KEY, "e")))).isInstanceOf(Registry.Read.Absent.class);
    }

    @Test
    void arbitraryTextNeverThrowsAnythingButParseException() {
        ParserProperties.throwsOnlyParseException(Registry::parse, "windows/reg-query/uac-default.txt",
                "windows/reg-query/pending-file-rename.txt", "windows/reg-query/currentversion-win10.txt");
        ParserProperties.throwsOnlyParseException(t -> Registry.parse(t).getFirst().values().stream()
                .map(v -> v.number().orElse(0L) + v.parts().size()).toList(), "windows/reg-query/uac-off.txt");
        ParserProperties.throwsOnlyParseException(t -> Registry.parse(t).getFirst().require("fDenyTSConnections").dword(),
                "windows/reg-query/fdenytsconnections-1.txt", "windows/reg-query/string-value.txt");
    }
}
