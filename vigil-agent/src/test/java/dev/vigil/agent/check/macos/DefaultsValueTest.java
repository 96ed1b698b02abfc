package dev.vigil.agent.check.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import org.junit.jupiter.api.Test;

class DefaultsValueTest {

    private static final String DIR = "macos/defaults-read-guestenabled/";

    @Test
    void readsAValuePrintedOnStandardOutput() throws ParseException {
        assertThat(DefaultsValue.parse(0, Fixtures.output(DIR + "on.txt"), "")).isEqualTo(new DefaultsValue.Present("1"));
        assertThat(((DefaultsValue.Present) DefaultsValue.parse(0, Fixtures.output(DIR + "off.txt"), "")).bool("k")).isFalse();
    }

    @Test
    void readsDoesNotExistAsAbsent() throws ParseException {
        assertThat(DefaultsValue.parse(1, "", Fixtures.output(DIR + "absent-stderr.txt"))).isEqualTo(new DefaultsValue.Absent());
    }

    @Test
    void rejectsAnotherErrorOrAMultiLineValue() {
        assertThatThrownBy(() -> DefaultsValue.parse(1, "", "defaults: Could not write domain")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> DefaultsValue.parse(0, "{\n    a = 1;\n}", "")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> ((DefaultsValue.Present) DefaultsValue.parse(0, "maybe", "")).bool("k")).isInstanceOf(ParseException.class);
    }

    @Test
    void arbitraryTextNeverThrowsAnythingButParseException() {
        ParserProperties.throwsOnlyParseException(t -> ((DefaultsValue.Present) DefaultsValue.parse(0, t.isBlank() ? "1" : t, "")).text(),
                DIR + "on.txt");
        ParserProperties.throwsOnlyParseException(t -> DefaultsValue.parse(1, "", t), DIR + "absent-stderr.txt");
    }
}
