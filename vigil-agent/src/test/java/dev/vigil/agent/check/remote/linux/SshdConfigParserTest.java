package dev.vigil.agent.check.remote.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.remote.linux.SshdConfigParser.Directive;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import dev.vigil.core.testing.RandomInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SshdConfigParserTest {

    @ParameterizedTest(name = "{0}: {6}")
    @CsvSource(delimiter = '|', textBlock = """
            # fixture                       | root                 | password | kbdint | pam | methods   | what it is
            debian-default                  | without-password     | yes      | no     | yes | any       | Debian 12 as shipped
            permissive                      | yes                  | yes      | yes    | yes | any       | root and passwords allowed
            hardened                        | no                   | no       | no     | yes | any       | keys only, no root
            kbdint-pam                      | without-password     | no       | yes    | yes | any       | passwords only through PAM keyboard-interactive
            authenticationmethods-publickey | forced-commands-only | yes      | yes    | yes | publickey | AuthenticationMethods demands a key
            challengeresponse-alias         | no                   | no       | yes    | yes | any       | the old ChallengeResponseAuthentication name
            debian-dropin                   | no                   | no       | no     | yes | any       | a drop-in's first value beats the main file
            """)
    void readsTheEffectiveConfiguration(String fixture, String root, String password, String kbd, String pam, String methods, String what)
            throws ParseException {
        Map<String, String> v = SshdConfigParser.parseEffective(Fixtures.output("linux/sshd-T/" + fixture + ".txt"));

        assertThat(v).containsEntry("permitrootlogin", root).containsEntry("passwordauthentication", password)
                .containsEntry("kbdinteractiveauthentication", kbd).containsEntry("usepam", pam)
                .containsEntry("authenticationmethods", methods);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            truncated                    | cut off before permitrootlogin
            no-hostkeys-stderr           | the error sshd prints without host keys
            missing-privsep-dir-stderr   | the error sshd prints without /run/sshd
            """)
    void rejectsOutputWithoutTheSettings(String fixture, String what) {
        assertThatThrownBy(() -> SshdConfigParser.parseEffective(Fixtures.output("linux/sshd-T/" + fixture + ".txt")))
                .isInstanceOf(ParseException.class).hasMessageContaining("expected `sshd -T` output");
    }

    @Test
    void rejectsEmptyOutput() {
        assertThatThrownBy(() -> SshdConfigParser.parseEffective("")).isInstanceOf(ParseException.class);
    }

    @Test
    void readsConfigFileSyntaxAsSshdDoes() {
        List<Directive> d = SshdConfigParser.parseFile(Fixtures.output("linux/sshd_config/include-and-match.txt"));

        assertThat(d).extracting(Directive::keyword).containsExactly(
                "include", "passwordauthentication", "permitrootlogin", "banner", "usepam", "match", "passwordauthentication", "forcecommand");
        assertThat(d.get(1).args()).as("Keyword=value, trailing comment dropped").containsExactly("no");
        assertThat(d.get(3).args()).as("quoted argument kept whole").containsExactly("/etc/issue net");
        assertThat(d.get(5).line()).isEqualTo(8);
    }

    @Test
    void mapsChallengeResponseToItsNewName() {
        assertThat(SshdConfigParser.parseFile("ChallengeResponseAuthentication no\n"))
                .singleElement().extracting(Directive::keyword).isEqualTo("kbdinteractiveauthentication");
    }

    @Test
    void readsDebiansShippedFile() {
        List<Directive> d = SshdConfigParser.parseFile(Fixtures.output("linux/sshd_config/debian-default.txt"));

        assertThat(d).extracting(Directive::keyword)
                .containsExactly("include", "kbdinteractiveauthentication", "usepam", "x11forwarding", "printmotd", "acceptenv", "subsystem");
        assertThat(d.getFirst().args()).containsExactly("/etc/ssh/sshd_config.d/*.conf");
    }

    private static List<String> configs() {
        List<String> inputs = new ArrayList<>(RandomInputs.fromAlphabet("PermitRootLogin=yes no\"#\n\t Include*Match", 300, 4, 500));
        inputs.addAll(RandomInputs.strings(5, 300));
        return inputs;
    }

    @Test
    void effectiveParserFailsOnlyWithParseException() {
        ParserProperties.throwsOnlyParseExceptionOn(SshdConfigParser::parseEffective, configs());
    }

    @Test
    void fileParserNeverFails() {
        for (String text : configs()) {
            SshdConfigParser.parseFile(text);
        }
    }
}
