package dev.vigil.agent.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.ParserProperties;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PowerShellJsonTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // PowerShell 5.1 /Date(ms)/ (JSON-unescaped)
            "'{\"d\": \"\\/Date(1787609898000)\\/\"}' | 2026-08-24T22:18:18Z",
            // ISO-8601 with an offset (PowerShell 7, ToString('o') of a local date)
            "'{\"d\": \"2026-07-09T00:00:00.0000000+02:00\"}' | 2026-07-08T22:00:00Z",
            // ISO-8601 without an offset: taken as UTC
            "'{\"d\": \"2026-11-13T00:00:00.0000000\"}' | 2026-11-13T00:00:00Z",
            // a decorated DateTime: the value field
            "'{\"d\": {\"value\": \"/Date(1794528000000)/\", \"DateTime\": \"Friday\"}}' | 2026-11-13T00:00:00Z",
    })
    void readsEveryDateSpelling(String json, String expected) throws ParseException {
        JsonNode o = PowerShellJson.objects(json).getFirst();
        assertThat(PowerShellJson.date(o, "d")).contains(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // Windows' "never"
            "'{\"d\": \"/Date(-11644473600000)/\"}'",
            // null
            "'{\"d\": null}'",
            // a localised display string
            "'{\"d\": \"20.11.2026 09:30:00\"}'",
            // missing
            "'{}'",
    })
    void readsNoDateFromNothingOrNever(String json) throws ParseException {
        assertThat(PowerShellJson.date(PowerShellJson.objects(json).getFirst(), "d")).isEmpty();
    }

    @Test
    void givesOneObjectManyOrNone() throws ParseException {
        assertThat(PowerShellJson.objects("\uFEFF{\"a\": 1}\r\n")).hasSize(1);
        assertThat(PowerShellJson.objects("[{\"a\": 1}, {\"a\": 2}]")).hasSize(2);
        assertThat(PowerShellJson.objects("  \r\n")).isEmpty();
        assertThatThrownBy(() -> PowerShellJson.objects("[1, 2]")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> PowerShellJson.objects("True")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> PowerShellJson.objects("{\"a\": ")).isInstanceOf(ParseException.class);
    }

    @Test
    void readsBooleansAndNumbersInEitherForm() throws ParseException {
        JsonNode o = PowerShellJson.objects("{\"a\": true, \"b\": \"False\", \"c\": 0, \"n\": \"42\", \"m\": 7}").getFirst();
        assertThat(List.of(PowerShellJson.bool(o, "a"), PowerShellJson.bool(o, "b"), PowerShellJson.bool(o, "c"), PowerShellJson.bool(o, "x")))
                .containsExactly(Optional.of(true), Optional.of(false), Optional.of(false), Optional.empty());
        assertThat(PowerShellJson.number(o, "n").getAsLong()).isEqualTo(42);
        assertThat(PowerShellJson.number(o, "m").getAsLong()).isEqualTo(7);
    }

    @Test
    void readsTheErrorIdAndMessageOfAnErrorRecord() {
        PowerShellError e = PowerShellError.first("""
                Get-Thing : Something went wrong: 0xC0000002
                At line:1 char:1
                    + FullyQualifiedErrorId : GetFWVarFailed,Some.Command
                """).orElseThrow();
        assertThat(e).isEqualTo(new PowerShellError("Something went wrong: 0xC0000002", "GetFWVarFailed"));
        assertThat(e.mentions("0xc0000002")).isTrue();
        assertThat(PowerShellError.first("Get-MpComputerStatus: Invalid Class").orElseThrow().message()).isEqualTo("Invalid Class");
        assertThat(PowerShellError.first(" \n")).isEmpty();
    }

    @Test
    void arbitraryTextNeverThrowsAnythingButParseException() {
        ParserProperties.throwsOnlyParseException(t -> PowerShellJson.objects(t).stream()
                        .map(o -> List.of(PowerShellJson.date(o, "InstalledOn"), PowerShellJson.bool(o, "Enabled"),
                                PowerShellJson.text(o, "HotFixID"), PowerShellJson.number(o, "productState")))
                        .toList(),
                "windows/get-hotfix/json-ps51-array.txt", "windows/get-hotfix/json-raw-date-object.txt",
                "windows/get-mpcomputerstatus/ws2025-full-tamper-off.txt");
    }
}
