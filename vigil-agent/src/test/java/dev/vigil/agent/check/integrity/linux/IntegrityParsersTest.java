package dev.vigil.agent.check.integrity.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.integrity.linux.MokutilParser.SbState;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntegrityParsersTest {

    @ParameterizedTest(name = "{0}: {1} loaded, {2} enforcing")
    @CsvSource({
            // Ubuntu node: every profile enforcing, including child profiles (name//child)
            "ubuntu-enforce.txt, 23, 23",
            // Debian 13: enforce, complain and Ubuntu-style unconfined side by side
            "debian13-mixed.txt, 5, 2",
            // every profile in complain mode
            "complain-only.txt, 2, 0",
            // enabled, nothing loaded
            "empty.txt, 0, 0",
    })
    void countsAppArmorProfilesByMode(String fixture, int total, int enforcing) throws ParseException {
        AppArmorProfilesParser.Profiles p = AppArmorProfilesParser.parse(Fixtures.output("linux/apparmor-profiles/" + fixture));
        assertThat(p.total()).isEqualTo(total);
        assertThat(p.enforced()).hasSize(enforcing);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // cut off mid-line
            "truncated.txt",
            // an error message
            "garbled.txt",
    })
    void rejectsUnusableProfileLists(String fixture) {
        assertThatThrownBy(() -> AppArmorProfilesParser.parse(Fixtures.output("linux/apparmor-profiles/" + fixture)))
                .isInstanceOf(ParseException.class);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            // RHEL 9 as installed
            "rhel9-enforcing.txt, ENFORCING",
            "permissive.txt, PERMISSIVE",
            "disabled.txt, DISABLED",
    })
    void readsTheConfiguredSelinuxMode(String fixture, SelinuxConfigParser.Mode mode) throws ParseException {
        assertThat(SelinuxConfigParser.parse(Fixtures.output("linux/selinux-config/" + fixture))).isEqualTo(mode);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // no SELINUX= line
            "garbled.txt",
            // a misspelt mode
            "unknown-mode.txt",
    })
    void rejectsUnusableSelinuxConfig(String fixture) {
        assertThatThrownBy(() -> SelinuxConfigParser.parse(Fixtures.output("linux/selinux-config/" + fixture)))
                .isInstanceOf(ParseException.class);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            // 06 00 00 00 01
            "enabled.txt, true",
            // 06 00 00 00 00
            "disabled.txt, false",
            // SetupMode variable, 06 00 00 00 01
            "setupmode-on.txt, true",
    })
    void decodesOneByteEfiVariables(String fixture, boolean value) throws ParseException {
        assertThat(EfiVariableParser.parseFlag(Fixtures.output("linux/efivars-secureboot/" + fixture))).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // attributes only, no value byte
            "truncated.txt",
            // value 0x41
            "garbled.txt",
            // nothing
            "empty.txt",
    })
    void rejectsUnusableEfiVariables(String fixture) {
        assertThatThrownBy(() -> EfiVariableParser.parseFlag(Fixtures.output("linux/efivars-secureboot/" + fixture)))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void decodesAnAttributeByteAboveAsciiAsTheProbeDeliversIt() throws ParseException {
        // 0x87 00 00 00 01 is not UTF-8, so the probe decodes it byte for byte (ISO-8859-1)
        assertThat(EfiVariableParser.parseFlag("\u0087\u0000\u0000\u0000\u0001")).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "enabled.txt, Enabled[shimValidationDisabled=false]",
            "shim-validation-off.txt, Enabled[shimValidationDisabled=true]",
            "disabled.txt, Disabled[setupMode=false]",
            "setup-mode.txt, Disabled[setupMode=true]",
            "no-efi.txt, NotSupported[message=EFI variables are not supported on this system]",
    })
    void readsMokutilStates(String fixture, String state) throws ParseException {
        SbState s = MokutilParser.parse(Fixtures.output("linux/mokutil-sb-state/" + fixture));
        assertThat(s.toString()).isEqualTo(state);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"garbled.txt", "empty.txt"})
    void rejectsUnusableMokutilOutput(String fixture) {
        assertThatThrownBy(() -> MokutilParser.parse(Fixtures.output("linux/mokutil-sb-state/" + fixture)))
                .isInstanceOf(ParseException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'1\n', true", "'0\n', false"})
    void readsSelinuxEnforce(String text, boolean enforcing) throws ParseException {
        assertThat(KernelFlagParser.selinuxEnforcing(text)).isEqualTo(enforcing);
    }

    @Test
    void rejectsOddKernelFlags() {
        assertThatThrownBy(() -> KernelFlagParser.appArmorEnabled("maybe")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> KernelFlagParser.selinuxEnforcing("")).isInstanceOf(ParseException.class);
    }

    @Test
    void parsersNeverThrowAnythingButParseException() {
        ParserProperties.throwsOnlyParseException(AppArmorProfilesParser::parse, "linux/apparmor-profiles/debian13-mixed.txt");
        ParserProperties.throwsOnlyParseException(SelinuxConfigParser::parse, "linux/selinux-config/rhel9-enforcing.txt");
        ParserProperties.throwsOnlyParseException(EfiVariableParser::parseFlag, "linux/efivars-secureboot/enabled.txt");
        ParserProperties.throwsOnlyParseException(MokutilParser::parse, "linux/mokutil-sb-state/enabled.txt", "linux/mokutil-sb-state/shim-validation-off.txt");
        ParserProperties.throwsOnlyParseException(KernelFlagParser::selinuxEnforcing);
        ParserProperties.throwsOnlyParseException(KernelFlagParser::appArmorEnabled);
    }
}
