package dev.vigil.agent.check.patch.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AptUpgradableParserTest {

    @ParameterizedTest(name = "{0}: {1} updates, {2} security")
    @CsvSource({
            // Debian 12 after apt update: oldstable-security entries, some in two archives
            "debian12-security.txt, 136, 81",
            // Ubuntu 22.04: jammy-security listed beside jammy-updates
            "ubuntu-jammy-security.txt, 15, 9",
            // nothing to upgrade: only the Listing... line
            "none.txt, 0, 0",
    })
    void countsUpdatesAndSecurityUpdates(String fixture, int total, int security) throws ParseException {
        Updates u = AptUpgradableParser.parse(Fixtures.output("linux/apt-list-upgradable/" + fixture));
        assertThat(u.total()).isEqualTo(total);
        assertThat(u.security()).hasSize(security);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // an entry cut off in the middle
            "truncated.txt",
            // an error page instead of a listing
            "garbled.txt",
            // no output at all
            "empty.txt",
    })
    void rejectsUnusableOutput(String fixture) {
        assertThatThrownBy(() -> AptUpgradableParser.parse(Fixtures.output("linux/apt-list-upgradable/" + fixture)))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void namesTheSecurityPackagesOfUbuntu() throws ParseException {
        Updates u = AptUpgradableParser.parse(Fixtures.output("linux/apt-list-upgradable/ubuntu-jammy-security.txt"));
        assertThat(u.security()).containsExactly("accountsservice", "binutils-common", "binutils-x86-64-linux-gnu",
                "openssl", "perl-base", "perl-modules-5.34", "sudo", "vim", "xxd");
    }

    @Test
    void treatsAnyArchiveEndingInSecurityAsSecurity() {
        assertThat(AptUpgradableParser.isSecurity("jammy-updates,jammy-infra-security")).isTrue();
        assertThat(AptUpgradableParser.isSecurity("stable-security")).isTrue();
        assertThat(AptUpgradableParser.isSecurity("oldstable,oldstable-updates")).isFalse();
        assertThat(AptUpgradableParser.isSecurity("securityfixes")).isFalse();
    }

    @Test
    void ignoresNoticesAptPrintsAmongTheEntries() throws ParseException {
        Updates u = AptUpgradableParser.parse("Listing...\nN: There is 1 additional version. Please use the '-a' switch to see it\n"
                + "sudo/jammy-security 1.9.9-1ubuntu2.4 amd64 [upgradable from: 1.9.9-1ubuntu2.3]\n");
        assertThat(u.security()).containsExactly("sudo");
    }

    @Test
    void arbitraryTextNeverThrowsAnythingButParseException() {
        ParserProperties.throwsOnlyParseException(AptUpgradableParser::parse, "linux/apt-list-upgradable/debian12-security.txt", "linux/apt-list-upgradable/ubuntu-jammy-security.txt");
    }
}
