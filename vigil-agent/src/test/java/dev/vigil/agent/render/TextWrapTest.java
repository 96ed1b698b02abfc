package dev.vigil.agent.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.testing.RandomInputs;
import dev.vigil.core.text.TerminalText;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextWrapTest {

    static List<Arguments> cases() {
        return List.of(
                Arguments.of("short text fits on one line", "one two", 10, 3, List.of("one two")),
                Arguments.of("breaks between words", "one two three", 8, 3, List.of("one two", "three")),
                Arguments.of("collapses runs of spaces", "one    two", 10, 3, List.of("one two")),
                Arguments.of("splits a word longer than a line", "abcdefghij", 4, 5, List.of("abcd", "efgh", "ij")),
                Arguments.of("cuts the last kept line with an ellipsis", "aa bb cc dd", 6, 1, List.of("aa bb…")),
                Arguments.of("cuts a full last line to make room for the ellipsis", "abcde fg", 5, 1, List.of("abcd…")),
                Arguments.of("empty text is one empty line", "", 10, 3, List.of("")),
                Arguments.of("counts code points, not chars", "\ud83d\udd12\ud83d\udd12\ud83d\udd12", 2, 3,
                        List.of("\ud83d\udd12\ud83d\udd12", "\ud83d\udd12")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void wraps(String what, String text, int width, int maxLines, List<String> expected) {
        assertThat(TextWrap.wrap(text, width, maxLines)).isEqualTo(expected);
    }

    @Test
    void neverExceedsWidthOrLineCountNorThrows() {
        java.util.Random r = new java.util.Random(11);
        for (String text : RandomInputs.strings(11, RandomInputs.TRIES)) {
            int width = 2 + r.nextInt(119);
            int maxLines = 1 + r.nextInt(5);
            List<String> lines = TextWrap.wrap(TerminalText.oneLine(text), width, maxLines);

            assertThat(lines).as("width %d, max %d lines, text %s", width, maxLines, text)
                    .isNotEmpty().hasSizeLessThanOrEqualTo(maxLines)
                    .allSatisfy(l -> assertThat(TextWrap.length(l)).isLessThanOrEqualTo(width));
        }
    }
}
