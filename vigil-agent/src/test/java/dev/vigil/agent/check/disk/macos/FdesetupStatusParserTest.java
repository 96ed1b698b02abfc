package dev.vigil.agent.check.disk.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.disk.macos.FileVaultStatus.Conversion;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FdesetupStatusParserTest {

    private static FileVaultStatus parse(String fixture) throws ParseException {
        return FdesetupStatusParser.parse(Fixtures.output("macos/fdesetup-status/" + fixture + ".txt"));
    }

    @ParameterizedTest(name = "{0}: {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # fixture                     | headline          | conversion | percent | deferred | what it is
            on                            | ON                | None       | -       | -        | FileVault on
            on-master-keychain            | ON                | None       | -       | -        | on, with an institutional recovery key
            off                           | OFF               | None       | -       | -        | FileVault off
            off-deferred                  | OFF               | None       | -       | jane     | off, enablement deferred to a user's next login
            off-until-restart             | OFF_UNTIL_RESTART | None       | -       | -        | off until the next restart
            encrypting                    | ON                | Encrypting | 42.17   | -        | encryption under way
            encrypting-pending            | ON                | Encrypting | -       | -        | encryption pending (on battery)
            decrypting                    | ON                | Decrypting | 73.0    | -        | decryption under way
            decrypting-percent-complete   | OFF               | Decrypting | 35.0    | -        | decryption, 'Percent complete' wording
            """)
    void readsEachWording(String fixture, FileVaultStatus.Headline headline, String conversion, Double percent, String deferred, String what)
            throws ParseException {
        FileVaultStatus s = parse(fixture);

        assertThat(s.headline()).isEqualTo(headline);
        assertThat(s.conversion().getClass().getSimpleName()).isEqualTo(conversion);
        Optional<Double> p = switch (s.conversion()) {
            case Conversion.Encrypting e -> e.percent();
            case Conversion.Decrypting d -> d.percent();
            case Conversion.None n -> Optional.empty();
        };
        assertThat(p).isEqualTo(Optional.ofNullable(percent));
        assertThat(s.deferredUser()).isEqualTo(Optional.ofNullable(deferred));
    }

    @Test
    void notesAnInstitutionalRecoveryKey() throws ParseException {
        assertThat(parse("on-master-keychain").masterKeychain()).isTrue();
        assertThat(parse("on").masterKeychain()).isFalse();
    }

    @Test
    void readsAProgressLineWithoutHeadline() throws ParseException {
        FileVaultStatus s = FdesetupStatusParser.parse("Encryption in progress: Percent completed = 3\n");

        assertThat(s.headline()).isEqualTo(FileVaultStatus.Headline.ABSENT);
        assertThat(s.conversion()).isEqualTo(new Conversion.Encrypting(Optional.of(3.0)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            empty                | empty output
            truncated            | FileVault is O
            garbled              | Usage: fdesetup
            percent-out-of-range | between 0 and 100
            """)
    void rejectsUnusableOutput(String fixture, String message) {
        assertThatThrownBy(() -> parse(fixture)).isInstanceOf(ParseException.class).hasMessageContaining(message);
    }

    @Test
    void failsOnlyWithParseException() {
        ParserProperties.throwsOnlyParseException(FdesetupStatusParser::parse, "macos/fdesetup-status/encrypting.txt",
                "macos/fdesetup-status/off-deferred.txt", "macos/fdesetup-status/decrypting-percent-complete.txt");
    }
}
