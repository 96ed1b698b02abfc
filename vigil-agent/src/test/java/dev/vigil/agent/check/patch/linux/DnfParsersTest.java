package dev.vigil.agent.check.patch.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DnfParsersTest {

    @Test
    void checkUpdateListsPackagesIncludingWrappedNamesButNotObsoletes() throws ParseException {
        List<String> p = DnfCheckUpdateParser.parse(Fixtures.output("linux/dnf-check-update/rhel9-updates.txt"));
        assertThat(p).containsExactly("kernel.x86_64", "openssl-libs.x86_64",
                "python3-dnf-plugins-core-extra-long.noarch", "vim-minimal.x86_64");
    }

    @Test
    void checkUpdateWithNothingAvailableIsEmpty() throws ParseException {
        assertThat(DnfCheckUpdateParser.parse(Fixtures.output("linux/dnf-check-update/none.txt"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // a wrapped name whose version line never came
            "truncated.txt",
            // an error message instead of a list
            "garbled.txt",
    })
    void checkUpdateRejectsUnusableOutput(String fixture) {
        assertThatThrownBy(() -> DnfCheckUpdateParser.parse(Fixtures.output("linux/dnf-check-update/" + fixture)))
                .isInstanceOf(ParseException.class);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            // dnf 4: advisory, severity/Sec., NEVRA; a package under two advisories counts once
            "rhel9-security.txt | kernel.x86_64,kernel-core.x86_64,openssl-libs.x86_64",
            // dnf 5's table with a Package column
            "dnf5-table.txt | glibc.x86_64,glibc-common.x86_64",
            // no security advisory applies
            "none.txt | ",
    })
    void securityListNamesPackagesAsNameDotArch(String fixture, String expected) throws ParseException {
        List<String> want = expected == null ? List.of() : List.of(expected.split(","));
        assertThat(DnfSecurityParser.parse(Fixtures.output("linux/dnf-updateinfo-security/" + fixture)))
                .containsExactlyElementsOf(want);
    }

    @Test
    void securityListRejectsAnErrorMessage() {
        assertThatThrownBy(() -> DnfSecurityParser.parse(Fixtures.output("linux/dnf-updateinfo-security/garbled.txt")))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void checkUpdateNeverThrowsAnythingButParseException() {
        ParserProperties.throwsOnlyParseException(DnfCheckUpdateParser::parse, "linux/dnf-check-update/rhel9-updates.txt");
    }

    @Test
    void securityListNeverThrowsAnythingButParseException() {
        ParserProperties.throwsOnlyParseException(DnfSecurityParser::parse, "linux/dnf-updateinfo-security/rhel9-security.txt", "linux/dnf-updateinfo-security/dnf5-table.txt");
    }
}
