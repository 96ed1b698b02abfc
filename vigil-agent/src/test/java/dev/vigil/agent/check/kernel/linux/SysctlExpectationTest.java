package dev.vigil.agent.check.kernel.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SysctlExpectationTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            1             | 1           | true  | exact match
            1             | 0           | false | exact mismatch
            1             | 01          | true  | numbers compare as numbers
            0             | ' 0 '       | true  | surrounding white space ignored
            >=1           | 2           | true  | above the minimum
            >=1           | 1           | true  | at the minimum
            >=1           | 0           | false | below the minimum
            >=1           | abc         | false | a minimum needs a number
            <=1           | 0           | true  | below the maximum
            <=1           | 2           | false | above the maximum
            32768 60999   | 32768	60999 | true  | text values compare with white space made one space
            fq_codel      | fq          | false | text mismatch
            """)
    void matches(String expected, String actual, boolean ok, String what) {
        assertThat(SysctlExpectation.parse(expected).matches(actual)).isEqualTo(ok);
    }

    @Test
    void parsesComparisonsAndPrintsThemBack() {
        assertThat(SysctlExpectation.parse(">= 1")).isEqualTo(new SysctlExpectation(SysctlExpectation.Comparison.AT_LEAST, "1"));
        assertThat(SysctlExpectation.parse(">=1")).hasToString(">=1");
        assertThat(SysctlExpectation.parse("1")).hasToString("1");
    }

    @Test
    void rejectsBoundsWithoutNumbersAndBlankValues() {
        assertThatThrownBy(() -> SysctlExpectation.parse(">=one")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> SysctlExpectation.parse("  ")).isInstanceOf(IllegalArgumentException.class);
    }
}
