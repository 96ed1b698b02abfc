package dev.vigil.agent.check.files.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroupParserTest {

    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            debian12.txt  | 42 | shadow | this machine: the shadow group
            debian12.txt  | 0  | root   | this machine: root
            truncated.txt | 3  | sys    | cut on the last line, which still names its gid
            """)
    void resolvesGroupIds(String fixture, long gid, String name, String what) throws ParseException {
        assertThat(GroupParser.parse(Fixtures.output("linux/etc-group/" + fixture)).name(gid)).contains(name);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            empty.txt   | an empty file
            garbled.txt | not group lines
            """)
    void rejectsUnusableGroupFiles(String fixture, String what) {
        assertThatThrownBy(() -> GroupParser.parse(Fixtures.output("linux/etc-group/" + fixture)))
                .isInstanceOf(ParseException.class).hasMessageContaining("group entries");
    }

    @Test
    void throwsOnlyParseException() {
        ParserProperties.throwsOnlyParseException(GroupParser::parse, "linux/etc-group/debian12.txt");
    }
}
