package dev.vigil.agent.check.accounts.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.testing.RandomInputs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordHashRedactionTest {

    private static final PasswordHashRedaction R = PasswordHashRedaction.INSTANCE;

    @ParameterizedTest(name = "''{0}'' -> ''{1}'': {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                          | ""           | empty stays empty: passwordless
            x                           | x            | x points to the shadow file
            *                           | *            | no password
            !                           | !            | locked, no hash
            !*                          | !*           | locked, no password
            !!                          | !!           | locked (Red Hat's new-account marker)
            $6$salt$hash                | $REDACTED$   | a SHA-512 crypt hash
            !$6$salt$hash               | !$REDACTED$  | a locked hash keeps its lock
            *LK*                        | *$REDACTED$  | Solaris-style lock marker keeps its lock prefix
            abJnggxhB/yWI               | $REDACTED$   | a DES crypt hash
            """)
    void redactsTheHashAndKeepsTheClassification(String field, String redacted, String what) {
        assertThat(PasswordHashRedaction.redactField(field)).isEqualTo(redacted);
        assertThat(PasswordState.of(redacted)).isEqualTo(PasswordState.of(field));
    }

    @Test
    void leavesNoHashOfThePlantedShadowAndKeepsEveryOtherField() throws ParseException {
        String original = Fixtures.output("linux/etc-shadow/planted-hashes-empty.txt");
        String redacted = R.apply(original);
        assertThat(redacted).doesNotContain("$6$", "$5$", "$1$", "Vg7testSalt", "md5salt");
        assertThat(redacted.lines()).hasSameSizeAs(original.lines().toList());
        assertThat(redacted).contains("alice:$REDACTED$:19900:0:99999:7:::", "carol:!$REDACTED$:19900", "guest::19900",
                "dave:!*:19900");
        List<PasswordState> before = ShadowParser.parse(original).entries().stream().map(ShadowParser.Entry::passwordState).toList();
        List<PasswordState> after = ShadowParser.parse(redacted).entries().stream().map(ShadowParser.Entry::passwordState).toList();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void replacesLinesWithoutColonsThatMightBeHashes() {
        assertThat(R.apply(Fixtures.output("linux/etc-shadow/garbled.txt"))).doesNotContain("$6$").contains("$REDACTED$");
        assertThat(R.apply("a:b\r\nc:$1$x$y\r\n")).isEqualTo("a:$REDACTED$\r\nc:$REDACTED$\r\n");
        assertThat(R.apply("")).isEmpty();
    }

    @Test
    void keepsTheClassificationOfEveryPasswordField() {
        for (String field : RandomInputs.fromAlphabet("!*x$6abc./", 12, 51, RandomInputs.TRIES)) {
            assertThat(PasswordState.of(PasswordHashRedaction.redactField(field))).as(field).isEqualTo(PasswordState.of(field));
        }
    }

    @Test
    void keepsTheParsedClassificationOfWholeFiles() {
        for (String text : RandomInputs.fromAlphabet("!*x$6ab:\n\r ", 60, 52, RandomInputs.TRIES)) {
            List<PasswordState> before;
            try {
                before = ShadowParser.parse(text).entries().stream().map(ShadowParser.Entry::passwordState).toList();
            } catch (ParseException e) {
                continue;
            }
            try {
                List<PasswordState> after = ShadowParser.parse(R.apply(text)).entries().stream().map(ShadowParser.Entry::passwordState).toList();
                assertThat(after).as(text).isEqualTo(before);
            } catch (ParseException e) {
                throw new AssertionError("redaction made a parseable file unparseable: " + text + ": " + e.getMessage(), e);
            }
        }
    }

    @Test
    void neverLetsAHashThrough() {
        List<String> hashes = RandomInputs.fromAlphabet("$123456abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ./", 100, 53, RandomInputs.TRIES)
                .stream().filter(h -> !h.isEmpty() && h.charAt(0) != '!' && h.charAt(0) != '*' && !h.equals("x")).toList();
        List<String> locks = List.of("", "!", "*", "!!", "!*");
        for (int i = 0; i < hashes.size(); i++) {
            String lock = locks.get(i % locks.size());
            String line = "user:" + lock + hashes.get(i) + ":19900:0:99999:7:::";
            assertThat(R.apply(line)).as(line).isEqualTo("user:" + lock + PasswordHashRedaction.MARKER + ":19900:0:99999:7:::");
        }
    }

    @Test
    void isIdempotent() {
        for (String text : RandomInputs.strings(54, RandomInputs.TRIES)) {
            assertThat(R.apply(R.apply(text))).as(text).isEqualTo(R.apply(text));
        }
    }
}
