package dev.vigil.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.testing.RandomInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerminalTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                         | text                  | expected
            ESC becomes U+FFFD             | a\u001b[2Jb           | a\uFFFD[2Jb
            C1 CSI becomes U+FFFD          | a\u009b31mb           | a\uFFFD31mb
            line breaks and tabs: spaces   | a\\nb\\tc\\rd          | a b c d
            right-to-left override goes    | abc\u202Edef          | abc\uFFFDdef
            isolate goes                   | abc\u2067def          | abc\uFFFDdef
            lone surrogate goes            | a\uD800b              | a\uFFFDb
            plain text unchanged           | web-01 東京 🔥        | web-01 東京 🔥
            """)
    void makesOneSafeLine(String what, String text, String expected) {
        assertThat(TerminalText.oneLine(text.translateEscapes())).as(what).isEqualTo(expected.translateEscapes());
    }

    @Test
    void leavesNoControlCharacters() {
        for (String text : RandomInputs.strings(12, RandomInputs.TRIES)) {
            assertThat(TerminalText.oneLine(text).codePoints()).as(text).noneMatch(Character::isISOControl);
        }
    }
}
