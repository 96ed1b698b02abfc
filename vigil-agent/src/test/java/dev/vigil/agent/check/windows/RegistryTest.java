package dev.vigil.agent.check.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import dev.vigil.core.report.OsFamily;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RegistryTest {

    private static final String KEY = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server";

    @ParameterizedTest(name = "{0}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            fdenytsconnections-1     | fDenyTSConnections | REG_DWORD | 0x1            | Remote Desktop off
            fdenytsconnections-0     | fDenyTSConnections | REG_DWORD | 0x0            | Remote Desktop on
            userauthentication-1     | UserAuthentication | REG_DWORD | 0x1            | NLA required
            smb1-0                   | SMB1               | REG_DWORD | 0x0            | SMBv1 off
            string-value             | ProductName        | REG_SZ    | Windows 10 Pro | a string with spaces
            """)
    void readsTheValueLine(String file, String name, String type, String data, String what) throws ParseException {
        for (String text : List.of(Fixtures.output("windows/reg-query/" + file + ".txt"),
                Fixtures.output("windows/reg-query/" + file + ".txt").replace("\n", "\r\n"))) {
            Registry.Read.Value v = Registry.parse(text, name);

            assertThat(v).isEqualTo(new Registry.Read.Value(name, type, data));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"garbled", "empty", "not-found-stderr"})
    void rejectsOutputWithoutTheValue(String file) {
        assertThatThrownBy(() -> Registry.parse(Fixtures.output("windows/reg-query/" + file + ".txt"), "fDenyTSConnections"))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void readsDwordsAndRejectsOtherTypes() throws ParseException {
        assertThat(Registry.parse(Fixtures.output("windows/reg-query/fdenytsconnections-0.txt"), "fDenyTSConnections").dword()).isZero();
        assertThatThrownBy(() -> Registry.parse(Fixtures.output("windows/reg-query/string-value.txt"), "ProductName").dword())
                .isInstanceOf(ParseException.class).hasMessageContaining("REG_DWORD");
    }

    @Test
    void saysAbsentWhenRegExitsOneAndFailedOtherwise() {
        FakeProbe probe = FakeProbe.linux().family(OsFamily.WINDOWS)
                .command(Registry.command(KEY, "a").argv(), 1, "", Fixtures.output("windows/reg-query/not-found-stderr.txt"))
                .command(Registry.command(KEY, "b").argv(), 1, "", "ERROR: Access is denied.\n")
                .timedOut(Registry.command(KEY, "c").argv(), Duration.ofSeconds(5));

        assertThat(Registry.read(probe, KEY, "a")).isInstanceOf(Registry.Read.Absent.class);
        assertThat(Registry.read(probe, KEY, "b")).isEqualTo(new Registry.Read.Failed("permission denied reading " + KEY + "\\b"));
        assertThat(Registry.read(probe, KEY, "c")).isInstanceOf(Registry.Read.Failed.class);
        assertThat(Registry.read(probe, KEY, "d")).isEqualTo(new Registry.Read.Failed("command not found: reg"));
    }

    @Test
    void throwsOnlyParseException() {
        ParserProperties.throwsOnlyParseException(t -> Registry.parse(t, "fDenyTSConnections"),
                "windows/reg-query/fdenytsconnections-1.txt", "windows/reg-query/string-value.txt");
    }
}
