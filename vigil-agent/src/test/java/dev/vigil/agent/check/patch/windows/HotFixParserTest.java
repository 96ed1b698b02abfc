package dev.vigil.agent.check.patch.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HotFixParserTest {

    private static HotFixParser.HotFixes parse(String fixture) throws ParseException {
        return HotFixParser.parse(Fixtures.output("windows/get-hotfix/" + fixture));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // PowerShell 5.1 array, one entry without a date
            "json-ps51-array.txt | 4 | 1 | KB5046633 | 2026-11-13T00:00:00Z",
            // PowerShell 7 array, dates with an offset
            "json-ps7-array.txt | 2 | 0 | KB5040442 | 2026-07-08T22:00:00Z",
            // one update: an object, not an array
            "json-single-object.txt | 1 | 0 | KB4019215 | 2017-06-05T00:00:00Z",
            // raw DateTime written as {value, DateTime}
            "json-raw-date-object.txt | 1 | 0 | KB5046633 | 2026-11-13T00:00:00Z",
    })
    void findsTheNewestDatedUpdate(String fixture, int count, int undated, String newest, String on) throws ParseException {
        HotFixParser.HotFixes fixes = parse(fixture);
        assertThat(fixes.count()).isEqualTo(count);
        assertThat(fixes.undated()).hasSize(undated);
        assertThat(fixes.newest().orElseThrow().id()).isEqualTo(newest);
        assertThat(fixes.newest().orElseThrow().installedOn()).isEqualTo(Instant.parse(on));
    }

    @Test
    void countsUpdatesWithoutDatesAndEmptyOutput() throws ParseException {
        assertThat(parse("json-no-dates.txt").newest()).isEmpty();
        assertThat(parse("json-no-dates.txt").undated()).containsExactly("KB3186568", "KB4049065");
        assertThat(parse("empty.txt").count()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // the truncated table form (public fixture): not JSON
            "table-truncated.txt",
            // JSON cut off mid-array
            "truncated.txt",
            // an entry without HotFixID
            "garbled.txt",
    })
    void rejectsUnusableOutput(String fixture) {
        assertThatThrownBy(() -> parse(fixture)).isInstanceOf(ParseException.class);
    }

    @Test
    void arbitraryTextNeverThrowsAnythingButParseException() {
        ParserProperties.throwsOnlyParseException(HotFixParser::parse, "windows/get-hotfix/json-ps51-array.txt",
                "windows/get-hotfix/json-ps7-array.txt", "windows/get-hotfix/json-raw-date-object.txt");
    }
}
