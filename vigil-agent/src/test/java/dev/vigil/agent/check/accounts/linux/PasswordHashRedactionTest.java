package dev.vigil.agent.check.accounts.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

    @Property
    void keepsTheClassificationOfEveryPasswordField(@ForAll("fields") String field) {
        assertThat(PasswordState.of(PasswordHashRedaction.redactField(field))).isEqualTo(PasswordState.of(field));
    }

    @Property
    void keepsTheParsedClassificationOfWholeFiles(@ForAll("shadowLike") String text) {
        List<PasswordState> before;
        try {
            before = ShadowParser.parse(text).entries().stream().map(ShadowParser.Entry::passwordState).toList();
        } catch (ParseException e) {
            return;
        }
        try {
            List<PasswordState> after = ShadowParser.parse(R.apply(text)).entries().stream().map(ShadowParser.Entry::passwordState).toList();
            assertThat(after).isEqualTo(before);
        } catch (ParseException e) {
            throw new AssertionError("redaction made a parseable file unparseable: " + e.getMessage(), e);
        }
    }

    @Property
    void neverLetsAHashThrough(@ForAll("hashes") String hash, @ForAll("lockPrefixes") String lock) {
        String line = "user:" + lock + hash + ":19900:0:99999:7:::";
        assertThat(R.apply(line)).isEqualTo("user:" + lock + PasswordHashRedaction.MARKER + ":19900:0:99999:7:::");
    }

    @Property
    void isIdempotent(@ForAll String text) {
        assertThat(R.apply(R.apply(text))).isEqualTo(R.apply(text));
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.strings().withChars("!*x$6abc./").ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> shadowLike() {
        return Arbitraries.strings().withChars("!*x$6ab:\n\r ").ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> hashes() {
        return Arbitraries.strings().withChars("$123456abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ./").ofMinLength(1).ofMaxLength(100)
                .filter(h -> h.charAt(0) != '!' && h.charAt(0) != '*' && !h.equals("x"));
    }

    @Provide
    Arbitrary<String> lockPrefixes() {
        return Arbitraries.of("", "!", "*", "!!", "!*");
    }
}
