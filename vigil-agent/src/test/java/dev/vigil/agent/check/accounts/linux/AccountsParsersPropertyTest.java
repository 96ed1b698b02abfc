package dev.vigil.agent.check.accounts.linux;

import dev.vigil.agent.testing.ParserProperties;
import dev.vigil.core.testing.RandomInputs;
import org.junit.jupiter.api.Test;

class AccountsParsersPropertyTest {

    @Test
    void passwdParserThrowsOnlyParseException() {
        ParserProperties.throwsOnlyParseException(PasswdParser::parse, "linux/etc-passwd/debian12.txt", "linux/etc-passwd/nis-compat.txt");
    }

    @Test
    void passwdParserThrowsOnlyParseExceptionOnPasswdLikeText() {
        ParserProperties.throwsOnlyParseExceptionOn(PasswdParser::parse, RandomInputs.fromAlphabet("ab0129:+-x\n/", 80, 41, 500));
    }

    @Test
    void shadowParserThrowsOnlyParseException() {
        ParserProperties.throwsOnlyParseException(ShadowParser::parse, "linux/etc-shadow/planted-hashes-empty.txt", "linux/etc-shadow/debian12-locked.txt");
    }
}
