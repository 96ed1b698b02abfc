package dev.vigil.agent.check.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.ParserProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
