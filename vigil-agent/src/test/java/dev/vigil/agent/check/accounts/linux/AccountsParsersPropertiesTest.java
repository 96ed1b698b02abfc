package dev.vigil.agent.check.accounts.linux;

import dev.vigil.agent.check.ParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AccountsParsersPropertiesTest {

    @Property
    void passwdParserThrowsOnlyParseException(@ForAll String text) {
        try {
            PasswdParser.parse(text);
        } catch (ParseException expected) {
            // the only failure allowed
        }
    }

    @Property
    void passwdParserThrowsOnlyParseExceptionOnPasswdLikeText(@ForAll("passwdLike") String text) {
        try {
            PasswdParser.parse(text);
        } catch (ParseException expected) {
            // the only failure allowed
        }
    }

    @Property
    void shadowParserThrowsOnlyParseException(@ForAll String text) {
        try {
            ShadowParser.parse(text);
        } catch (ParseException expected) {
            // the only failure allowed
        }
    }

    @Provide
    Arbitrary<String> passwdLike() {
        return Arbitraries.strings().withChars("ab0129:+-x\n/").ofMaxLength(80);
    }
}
