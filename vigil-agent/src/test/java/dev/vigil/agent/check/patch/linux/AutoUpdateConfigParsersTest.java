package dev.vigil.agent.check.patch.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutoUpdateConfigParsersTest {

    private static final String U = LinuxAutoUpdatesCheck.UNATTENDED_KEY;
    private static final String L = LinuxAutoUpdatesCheck.UPDATE_LISTS_KEY;

    @ParameterizedTest(name = "{0}: unattended={1}, lists={2}")
    @CsvSource({
            // apt-config dump on this Debian 12 machine: no APT::Periodic at all
            "apt-config-dump/debian12-no-periodic.txt, , ",
            // the same with unattended-upgrades' two lines
            "apt-config-dump/debian12-unattended.txt, 1, 1",
            // no output
            "apt-config-dump/empty.txt, , ",
            // 20auto-upgrades as dpkg-reconfigure writes it
            "apt-conf-d/20auto-upgrades.txt, 1, 1",
            // nested syntax with comments, installs switched off
            "apt-conf-d/nested-disabled.txt, 0, 1",
    })
    void readsThePeriodicOptions(String fixture, String unattended, String lists) throws ParseException {
        Map<String, String> o = AptConfParser.parse(Fixtures.output("linux/" + fixture));
        assertThat(o.get(U)).isEqualTo(unattended);
        assertThat(o.get(L)).isEqualTo(lists);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // cut off inside a quoted value
            "apt-config-dump/truncated.txt",
            // an error message, not configuration
            "apt-config-dump/garbled.txt",
            // a block never closed
            "apt-conf-d/unbalanced.txt",
    })
    void rejectsUnusableAptConfiguration(String fixture) {
        assertThatThrownBy(() -> AptConfParser.parse(Fixtures.output("linux/" + fixture))).isInstanceOf(ParseException.class);
    }

    @Test
    void laterFilesOverrideEarlierOnesIgnoringCase() throws ParseException {
        Map<String, String> first = AptConfParser.parse("APT::Periodic::Unattended-Upgrade \"1\";");
        Map<String, String> both = AptConfParser.parse("apt::periodic::unattended-upgrade \"0\";", first);
        assertThat(both).containsEntry(U, "0");
    }

    @Test
    void readsDumpListEntriesWithoutTakingThemForOptions() throws ParseException {
        Map<String, String> o = AptConfParser.parse(Fixtures.output("linux/apt-config-dump/debian12-no-periodic.txt"));
        assertThat(o).containsEntry("apt::architecture", "amd64").doesNotContainKey("apt::neverautoremove::");
    }

    @ParameterizedTest(name = "{0}: apply={1}, type={2}")
    @CsvSource({
            // as shipped on RHEL 9: downloads, does not apply
            "rhel9-default.txt, no, default",
            // hardened: applies security updates
            "apply-security.txt, yes, security",
    })
    void readsDnfAutomaticCommands(String fixture, String apply, String type) throws ParseException {
        Map<String, String> c = DnfAutomaticConfParser.parse(Fixtures.output("linux/dnf-automatic-conf/" + fixture));
        assertThat(c).containsEntry("commands.apply_updates", apply).containsEntry("commands.upgrade_type", type);
    }

    @Test
    void rejectsSomethingThatIsNotAnIniFile() {
        assertThatThrownBy(() -> DnfAutomaticConfParser.parse(Fixtures.output("linux/dnf-automatic-conf/garbled.txt")))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void periodicValuesAreDaysOrAlways() {
        assertThat(LinuxAutoUpdatesCheck.periodicEnabled("1")).isTrue();
        assertThat(LinuxAutoUpdatesCheck.periodicEnabled("always")).isTrue();
        assertThat(LinuxAutoUpdatesCheck.periodicEnabled("0")).isFalse();
        assertThat(LinuxAutoUpdatesCheck.periodicEnabled("")).isFalse();
    }

    @Test
    void aptConfigNeverThrowsAnythingButParseException() {
        ParserProperties.throwsOnlyParseException(AptConfParser::parse, "linux/apt-config-dump/debian12-unattended.txt", "linux/apt-conf-d/20auto-upgrades.txt");
    }

    @Test
    void dnfAutomaticNeverThrowsAnythingButParseException() {
        ParserProperties.throwsOnlyParseException(DnfAutomaticConfParser::parse, "linux/dnf-automatic-conf/rhel9-default.txt");
    }
}
