package dev.vigil.agent.check.firewall.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SocketFilterFwParserTest {

    private static AlfSettings parse(String fixture) throws ParseException {
        return SocketFilterFwParser.parse(Fixtures.output("macos/socketfilterfw/" + fixture + ".txt"));
    }

    @ParameterizedTest(name = "{0}: {6}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # fixture                            | enabled | state | block all | stealth | managed | what it is
            globalstate-enabled                  | true    | 1     | -         | -       | false   | on, State = 1
            globalstate-disabled                 | false   | 0     | -         | -       | false   | off, State = 0
            globalstate-enabled-state2           | true    | 2     | -         | -       | false   | on, State = 2 (block-all not implied)
            globalstate-blocking-all             | true    | 2     | true      | -       | false   | older wording for blocking all
            stealth-enabled-old                  | -       | -     | -         | true    | false   | stealth on, up to macOS 14
            stealth-disabled-old                 | -       | -     | -         | false   | false   | stealth off, up to macOS 14
            stealth-on                           | -       | -     | -         | true    | false   | stealth on, macOS 15+
            stealth-off                          | -       | -     | -         | false   | false   | stealth off, macOS 15+
            blockall-enabled                     | -       | -     | true      | -       | false   | block-all on, newer wording
            blockall-disabled                    | -       | -     | false     | -       | false   | block-all off, newer wording
            blockall-enabled-old                 | -       | -     | true      | -       | false   | block-all on, older wording
            blockall-disabled-old                | -       | -     | false     | -       | false   | block-all off, older wording, trailing space
            multi-get-enabled-state2-stealth-on  | true    | 2     | false     | true    | false   | real four-flag output (kolide)
            malformed-kolide                     | -       | -     | -         | false   | false   | corrupted state lines are not guessed
            """)
    void readsEachWording(String fixture, Boolean enabled, Integer state, Boolean blockAll, Boolean stealth, boolean managed, String what)
            throws ParseException {
        AlfSettings s = parse(fixture);

        assertThat(s.enabled()).isEqualTo(Optional.ofNullable(enabled));
        assertThat(s.stateNumber()).isEqualTo(state == null ? OptionalInt.empty() : OptionalInt.of(state));
        assertThat(s.blockAll()).isEqualTo(Optional.ofNullable(blockAll));
        assertThat(s.stealth()).isEqualTo(Optional.ofNullable(stealth));
        assertThat(s.managedRefusal()).isEqualTo(managed);
    }

    @Test
    void readsTheSignedSoftwareAllowances() throws ParseException {
        AlfSettings real = parse("multi-get-enabled-state2-stealth-on");
        AlfSettings malformed = parse("malformed-kolide");

        assertThat(real.allowBuiltIn()).contains(true);
        assertThat(real.allowDownloaded()).contains(true);
        assertThat(malformed.allowBuiltIn()).contains(false);
        assertThat(malformed.allowDownloaded()).contains(true);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            empty           | empty output
            garbled         | illegal option
            managed-refusal | only the refusal for managed Macs
            contradictory   | contradictory global state
            """)
    void rejectsOutputThatStatesNoSetting(String fixture, String message) {
        assertThatThrownBy(() -> parse(fixture)).isInstanceOf(ParseException.class).hasMessageContaining(message);
    }

    @Test
    void failsOnlyWithParseException() {
        ParserProperties.throwsOnlyParseException(SocketFilterFwParser::parse, "macos/socketfilterfw/multi-get-enabled-state2-stealth-on.txt",
                "macos/socketfilterfw/globalstate-blocking-all.txt", "macos/socketfilterfw/malformed-kolide.txt");
    }
}
