package dev.vigil.agent.check.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.ParserProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PowerShellJsonTest {

    private static final Map<Integer, String> ACTION = Map.of(0, "NotConfigured", 2, "Allow", 4, "Block");

    @Test
    void readsOneObjectOrAnArrayOfThem() throws ParseException {
        assertThat(PowerShellJson.objects("\uFEFF{\"a\":  1}\r\n", "x")).hasSize(1);
        assertThat(PowerShellJson.objects("[{\"a\":1},{\"a\":2}]", "x")).hasSize(2);
        assertThat(PowerShellJson.objects("[]", "x")).isEmpty();
    }

    @Test
    void rejectsScalarsArraysOfScalarsAndNonJson() {
        for (String bad : List.of("", "  ", "42", "[1,2]", "Name : Domain", "{\"a\":", "null")) {
            assertThatThrownBy(() -> PowerShellJson.objects(bad, "Get-Thing")).as(bad).isInstanceOf(ParseException.class)
                    .hasMessageContaining("Get-Thing");
        }
    }

    @Test
    void readsEnumsAsNumbersOrNamesAndKeepsWhatItDoesNotKnow() throws ParseException {
        JsonNode o = PowerShellJson.objects("{\"n\":4,\"s\":\"block\",\"u\":9,\"t\":\"Sometimes\",\"z\":null}", "x").getFirst();

        assertThat(PowerShellJson.enumName(o, "n", ACTION)).contains("Block");
        assertThat(PowerShellJson.enumName(o, "s", ACTION)).contains("Block");
        assertThat(PowerShellJson.enumName(o, "u", ACTION)).contains("9");
        assertThat(PowerShellJson.enumName(o, "t", ACTION)).contains("Sometimes");
        assertThat(PowerShellJson.enumName(o, "z", ACTION)).isEmpty();
        assertThat(PowerShellJson.enumName(o, "missing", ACTION)).isEmpty();
    }

    @Test
    void readsListsPlainSingleOrInTheValueWrapper() throws ParseException {
        JsonNode o = PowerShellJson.objects("{\"a\":[\"x\",\"y\"],\"b\":\"x\",\"c\":{\"value\":[\"x\"],\"Count\":1},\"d\":null}", "x").getFirst();

        assertThat(PowerShellJson.texts(o, "a")).containsExactly("x", "y");
        assertThat(PowerShellJson.texts(o, "b")).containsExactly("x");
        assertThat(PowerShellJson.texts(o, "c")).containsExactly("x");
        assertThat(PowerShellJson.texts(o, "d")).isEmpty();
    }

    @Test
    void throwsOnlyParseException() {
        ParserProperties.throwsOnlyParseException(t -> PowerShellJson.objects(t, "x"),
                "windows/get-netfirewallprofile/ps51-all-on-block.txt", "windows/get-bitlockervolume/ps51-value-wrapper.txt");
    }

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
        assertThat(PowerShellJson.integer(o, "n").getAsLong()).isEqualTo(42);
        assertThat(PowerShellJson.integer(o, "m").getAsLong()).isEqualTo(7);
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
    void arbitraryTextNeverThrowsAnythingButParseExceptionFromListingCommands() {
        ParserProperties.throwsOnlyParseException(t -> PowerShellJson.objects(t).stream()
                        .map(o -> List.of(PowerShellJson.date(o, "InstalledOn"), PowerShellJson.bool(o, "Enabled"),
                                PowerShellJson.text(o, "HotFixID"), PowerShellJson.integer(o, "productState")))
                        .toList(),
                "windows/get-hotfix/json-ps51-array.txt", "windows/get-hotfix/json-raw-date-object.txt",
                "windows/get-mpcomputerstatus/ws2025-full-tamper-off.txt");
    }
}
