package dev.vigil.agent.check.accounts.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountsParsersTest {

    private static String passwd(String fixture) {
        return PasswordHashRedaction.INSTANCE.apply(Fixtures.output("linux/etc-passwd/" + fixture));
    }

    private static String shadow(String fixture) {
        return PasswordHashRedaction.INSTANCE.apply(Fixtures.output("linux/etc-shadow/" + fixture));
    }

    @ParameterizedTest(name = "{0}: {5}")
    @CsvSource(delimiter = '|', textBlock = """
            debian12.txt               | 24 | 1 | 0 | 0 | this machine: root is the only uid 0
            planted-uid0-empty.txt     | 20 | 2 | 0 | 0 | a second uid 0 (toor) and an empty password (guest)
            nis-compat.txt             | 2  | 1 | 0 | 2 | NIS compat lines are counted, not parsed
            truncated.txt              | 2  | 1 | 1 | 0 | cut mid-entry: the partial line is malformed
            """)
    void parsesPasswd(String fixture, int entries, int uid0, int malformed, int compat, String what) throws ParseException {
        PasswdParser.Passwd p = PasswdParser.parse(passwd(fixture));
        assertThat(p.entries()).hasSize(entries);
        assertThat(p.entries().stream().filter(e -> e.uid() == 0)).hasSize(uid0);
        assertThat(p.malformedLines()).hasSize(malformed);
        assertThat(p.compatLines()).isEqualTo(compat);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            empty.txt   | an empty file
            garbled.txt | an HTML page
            """)
    void rejectsUnusablePasswd(String fixture, String what) {
        assertThatThrownBy(() -> PasswdParser.parse(passwd(fixture))).isInstanceOf(ParseException.class)
                .hasMessageContaining("passwd entries");
    }

    @ParameterizedTest(name = "{0}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            debian12-locked.txt        | 24 | 0 | 0 | this machine: every account locked or without a password
            planted-hashes-empty.txt   | 8  | 1 | 3 | hashes, locked hashes and one empty password
            truncated.txt              | 3  | 0 | 1 | cut inside a hash: the partial hash still counts as set
            """)
    void parsesShadow(String fixture, int entries, int empty, int set, String what) throws ParseException {
        ShadowParser.Shadow s = ShadowParser.parse(shadow(fixture));
        assertThat(s.entries()).hasSize(entries);
        assertThat(s.entries().stream().filter(e -> e.passwordState() == PasswordState.EMPTY)).hasSize(empty);
        assertThat(s.entries().stream().filter(e -> e.passwordState() == PasswordState.SET)).hasSize(set);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            empty.txt   | an empty file
            garbled.txt | a stray hash and text without colons
            """)
    void rejectsUnusableShadow(String fixture, String what) {
        assertThatThrownBy(() -> ShadowParser.parse(shadow(fixture))).isInstanceOf(ParseException.class)
                .hasMessageContaining("shadow entries");
    }
}
