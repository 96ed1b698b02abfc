package dev.vigil.agent.check.patch.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.patch.linux.NeedsRestartingParser.Hint;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NeedsRestartingParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // dnf 4 plugin: packages as '  * name'
            "dnf-required.txt | glibc,kernel-core",
            // yum-utils on RHEL 7: packages as '  name -> version'
            "yum-required.txt | kernel,glibc",
    })
    void reportsRequiredWithThePackages(String fixture, String packages) throws ParseException {
        Hint h = NeedsRestartingParser.parse(Fixtures.output("linux/needs-restarting/" + fixture));
        assertThat(h).isEqualTo(new Hint.Required(List.of(packages.split(","))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // dnf 4 plugin
            "dnf-not-required.txt",
            // yum-utils
            "yum-not-required.txt",
    })
    void reportsNotRequired(String fixture) throws ParseException {
        assertThat(NeedsRestartingParser.parse(Fixtures.output("linux/needs-restarting/" + fixture)))
                .isEqualTo(new Hint.NotRequired());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // dnf without the plugin
            "garbled.txt",
            // nothing on stdout
            "empty.txt",
    })
    void rejectsUnusableOutput(String fixture) {
        assertThatThrownBy(() -> NeedsRestartingParser.parse(Fixtures.output("linux/needs-restarting/" + fixture)))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void arbitraryTextNeverThrowsAnythingButParseException() {
        ParserProperties.throwsOnlyParseException(NeedsRestartingParser::parse, "linux/needs-restarting/dnf-required.txt", "linux/needs-restarting/yum-required.txt");
    }
}
