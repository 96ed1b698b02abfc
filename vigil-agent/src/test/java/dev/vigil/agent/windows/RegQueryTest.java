package dev.vigil.agent.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegQueryTest {

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
        List<RegKey> parsed = RegQuery.parse(fixture(fixture));
        assertThat(parsed).hasSize(keys);
        assertThat(parsed.getFirst().values()).hasSize(values);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // usage text: no key path
            "garbled.txt",
            // nothing at all
            "empty.txt",
            // reg's not-found message (stderr)
            "not-found.txt",
    })
    void rejectsOutputWithoutAKey(String fixture) {
        assertThatThrownBy(() -> RegQuery.parse(fixture(fixture))).isInstanceOf(ParseException.class)
                .hasMessageContaining("HKEY_");
    }

    @Test
    void readsDwordsMultiStringsAndEmptyStrings() throws ParseException {
        RegKey uac = RegQuery.parse(fixture("uac-default.txt")).getFirst();
        assertThat(uac.value("enablelua").flatMap(RegValue::number)).contains(1L);
        assertThat(uac.value("legalnoticetext").map(RegValue::data)).contains("");
        RegKey renames = RegQuery.parse(fixture("pending-file-rename.txt")).getFirst();
        assertThat(renames.value("PendingFileRenameOperations").orElseThrow().parts()).hasSize(4)
                .startsWith("\\??\\C:\\Windows\\Temp\\MpSigStub.tmp", "");
        RegKey cv = RegQuery.parse(fixture("currentversion-win11.txt")).getFirst();
        assertThat(cv.value("ProductName").map(RegValue::data)).contains("Windows 10 Pro");
        assertThat(cv.value("UBR").flatMap(RegValue::number)).contains(4460L);
    }

    @Test
    void readTellsAbsenceFromFailure() {
        List<String> argv = RegQuery.key("HKLM\\SOFTWARE\\X").argv();
        assertThat(RegQuery.read(new CommandResult.Completed(argv, 1, "", fixture("not-found.txt"))))
                .isInstanceOf(RegQuery.Read.Absent.class);
        assertThat(RegQuery.read(new CommandResult.Completed(argv, 1, "", fixture("access-denied.txt"))))
                .isEqualTo(new RegQuery.Read.Failed("`reg query 'HKLM\\SOFTWARE\\X'` exited 1: ERROR: Access is denied."));
        assertThat(RegQuery.read(new CommandResult.NotFound(argv))).isEqualTo(new RegQuery.Read.Failed("command not found: reg"));
        assertThat(RegQuery.read(new CommandResult.TimedOut(argv, Duration.ofSeconds(5))))
                .isInstanceOf(RegQuery.Read.Failed.class);
        assertThat(RegQuery.read(new CommandResult.Completed(argv, 0, "", ""))).isInstanceOf(RegQuery.Read.Found.class);
        assertThat(RegQuery.read(new CommandResult.Completed(argv, 0, fixture("garbled.txt"), "")))
                .isInstanceOf(RegQuery.Read.Failed.class);
    }

    @Test
    void arbitraryTextNeverThrowsAnythingButParseException() {
        ParserProperties.throwsOnlyParseException(RegQuery::parse, "windows/reg-query/uac-default.txt",
                "windows/reg-query/pending-file-rename.txt", "windows/reg-query/currentversion-win10.txt");
        ParserProperties.throwsOnlyParseException(t -> RegQuery.parse(t).getFirst().values().stream()
                .map(v -> v.number().orElse(0L) + v.parts().size()).toList(), "windows/reg-query/uac-off.txt");
    }
}
