package dev.vigil.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.report.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AnsiTest {

    @ParameterizedTest(name = "{0} paints in SGR {1}")
    @CsvSource({
            "PASS, 32",
            "FAIL, 1;31",
            "WARN, 33",
            "UNKNOWN, 35",
            "NOT_APPLICABLE, 2",
    })
    void eachStatusHasOneStyleEverywhere(Status status, String code) {
        assertThat(new Ansi(true).paint("x", Sgr.of(status))).isEqualTo("\u001b[" + code + "mx\u001b[0m");
    }

    @ParameterizedTest(name = "colour off leaves text in {0} alone")
    @EnumSource(Sgr.class)
    void colourOffWritesNoEscape(Sgr style) {
        assertThat(new Ansi(false).paint("plain", style)).isEqualTo("plain");
    }
}
