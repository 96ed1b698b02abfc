package dev.vigil.agent.check.integrity.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecureBootParserTest {

    static SecureBootParser.Answer parse(String fixture, boolean stderr) throws ParseException {
        String text = Fixtures.output("windows/confirm-securebootuefi/" + fixture);
        return stderr ? SecureBootParser.parse("", text) : SecureBootParser.parse(text, "");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // True on stdout
            "true.txt | false | Enabled",
            // False on stdout
            "false.txt | false | Disabled",
            // 0xC0000002: legacy BIOS
            "legacy-bios.txt | true | LegacyBios",
            // 0xC0000100: no SecureBoot variable
            "variable-undefined.txt | true | NoVariable",
            // SetPrivilegeFailed: not elevated
            "access-denied.txt | true | AccessDenied",
            // InvalidSecureBootState: SecureBoot and SetupMode both 1
            "setup-mode.txt | true | SetupMode",
            // CommandNotFoundException: module missing
            "not-recognized.txt | true | Missing",
    })
    void readsEachAnswer(String fixture, boolean stderr, String answer) throws ParseException {
        assertThat(parse(fixture, stderr).getClass().getSimpleName()).isEqualTo(answer);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // a localised record with an unknown error id
            "german-unknown-error.txt | true | UnexpectedFailure",
            // a banner instead of the answer
            "garbled.txt | false | expected True or False",
            // nothing at all
            "empty.txt | false | expected True or False",
    })
    void rejectsWhatItCannotRead(String fixture, boolean stderr, String message) {
        assertThatThrownBy(() -> parse(fixture, stderr)).isInstanceOf(ParseException.class).hasMessageContaining(message);
    }

    @Test
    void arbitraryTextNeverThrowsAnythingButParseException() {
        ParserProperties.throwsOnlyParseException(t -> SecureBootParser.parse("", t),
                "windows/confirm-securebootuefi/legacy-bios.txt", "windows/confirm-securebootuefi/access-denied.txt");
        ParserProperties.throwsOnlyParseException(t -> SecureBootParser.parse(t, t), "windows/confirm-securebootuefi/true.txt");
    }
}
