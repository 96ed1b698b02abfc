package dev.vigil.agent.check.patch.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoftwareUpdatePlistParserTest {

    static String fixture(String name) {
        return Fixtures.output("macos/softwareupdate-plist/" + name);
    }

    @ParameterizedTest(name = "{0}: count {1}, listed {2}, checked {3}, settings {4}")
    @CsvSource({
            // real Monterey plist (cnquery test data): 4 recommended, no automatic-update keys
            "monterey-xml-4-recommended.txt, 4, 4, 2022-12-09T14:28:52Z, 0",
            // nothing pending, every automatic setting on
            "sonoma-none-all-auto.txt, 0, 0, 2026-11-19T22:14:05Z, 5",
            // a Rapid Security Response and Safari, checked long ago, three settings present
            "ventura-rsr-and-safari-stale.txt, 2, 2, 2026-09-02T07:41:19Z, 3",
            // a developer tools update only
            "clt-only-current.txt, 1, 1, 2026-11-18T09:03:44Z, 0",
            // a count without the list
            "count-without-list.txt, 3, 0, 2026-11-19T06:00:00Z, 0",
    })
    void readsUpdatesCheckDateAndSettings(String file, long count, int listed, String checked, int settings) throws ParseException {
        SoftwareUpdatePrefs p = SoftwareUpdatePlistParser.parse(fixture(file));
        assertThat(p.recommendedCount()).contains(count);
        assertThat(p.recommended()).hasSize(listed);
        assertThat(p.lastSuccessfulCheck()).hasValueSatisfying(i -> assertThat(i.toString()).isEqualTo(checked));
        assertThat(p.settings()).hasSize(settings);
    }

    @Test
    void readsNameVersionAndIdentifierOfEachUpdate() throws ParseException {
        SoftwareUpdatePrefs p = SoftwareUpdatePlistParser.parse(fixture("monterey-xml-4-recommended.txt"));
        assertThat(p.recommended().getFirst()).isEqualTo(new SoftwareUpdatePrefs.RecommendedUpdate(
                "macOS Monterey 12.6.1", "12.6.1", "MSU_UPDATE_21G217_patch_12.6.1"));
    }

    @Test
    void readsAPlistThatNeverCompletedACheck() throws ParseException {
        SoftwareUpdatePrefs p = SoftwareUpdatePlistParser.parse(fixture("never-checked-check-off.txt"));
        assertThat(p.lastSuccessfulCheck()).isEmpty();
        assertThat(p.recommendedCount()).isEmpty();
        assertThat(p.settings()).containsEntry(SoftwareUpdatePrefs.Setting.AUTOMATIC_CHECK, false);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // cut off in the middle of RecommendedUpdates
            "truncated.txt",
            // an error message instead of a plist
            "garbled.txt",
            // a plist whose top level is an array
            "array-at-top.txt",
            // zero bytes
            "empty.txt",
    })
    void rejectsUnusableInput(String file) {
        assertThatThrownBy(() -> SoftwareUpdatePlistParser.parse(fixture(file))).isInstanceOf(ParseException.class);
    }

    @Test
    void rejectsAWrongTypeForASetting() {
        String text = fixture("sonoma-none-all-auto.txt").replace("<key>AutomaticDownload</key>\n\t<true/>",
                "<key>AutomaticDownload</key>\n\t<date>2026-01-01T00:00:00Z</date>");
        assertThatThrownBy(() -> SoftwareUpdatePlistParser.parse(text)).isInstanceOf(ParseException.class)
                .hasMessageContaining("AutomaticDownload");
    }

    @Test
    void arbitraryTextNeverThrowsAnythingButParseException() {
        ParserProperties.throwsOnlyParseException(SoftwareUpdatePlistParser::parse,
                "macos/softwareupdate-plist/monterey-xml-4-recommended.txt", "macos/softwareupdate-plist/ventura-rsr-and-safari-stale.txt");
    }
}
