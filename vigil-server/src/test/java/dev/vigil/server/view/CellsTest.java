package dev.vigil.server.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                              | text          | columns
            ASCII, one column each               | web-01        | 6
            CJK, two columns each                | 東京          | 4
            Hangul syllables, two columns each   | 서버          | 4
            fullwidth Latin, two columns each    | ＡＢ          | 4
            emoji, two columns                   | 🔥x           | 3
            combining acute accent takes none    | e\u0301       | 1
            empty                                | ''            | 0
            """)
    void measuresTerminalColumns(String what, String text, int columns) {
        assertThat(Cells.width(text.translateEscapes())).as(what).isEqualTo(columns);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                      | text           | max | expected
            fits: unchanged                              | web-01         | 6   | web-01
            one too long: cut with an ellipsis           | web-01x        | 6   | web-0…
            wide characters never split                  | 東京大阪       | 6   | 東京…
            wide character that would overflow is left   | a東京          | 4   | a東…
            """)
    void truncatesToAWidthWithAnEllipsis(String what, String text, int max, String expected) {
        String cut = Cells.truncate(text, max);
        assertThat(cut).as(what).isEqualTo(expected);
        assertThat(Cells.width(cut)).isLessThanOrEqualTo(max);
    }
}
