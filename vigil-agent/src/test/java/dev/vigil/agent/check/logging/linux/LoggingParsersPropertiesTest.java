package dev.vigil.agent.check.logging.linux;

import dev.vigil.agent.check.ParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LoggingParsersPropertiesTest {

    @Property
    void auditctlStatusParserThrowsOnlyParseException(@ForAll String text) {
        try {
            AuditctlStatusParser.parse(text);
        } catch (ParseException expected) {
            // the only failure allowed
        }
    }

    @Property
    void auditctlStatusParserThrowsOnlyParseExceptionOnStatusLikeText(@ForAll("statusLike") String text) {
        try {
            AuditctlStatusParser.parse(text);
        } catch (ParseException expected) {
            // the only failure allowed
        }
    }

    @Property
    void auditRulesParserThrowsOnlyParseException(@ForAll String text) {
        try {
            AuditRulesParser.listing(text);
        } catch (ParseException expected) {
            // the only failure allowed
        }
    }

    @Property
    void pidFileParserThrowsOnlyParseException(@ForAll String text) {
        try {
            PidFileParser.pid(text);
        } catch (ParseException expected) {
            // the only failure allowed
        }
    }

    @Property
    void journaldConfParserThrowsOnlyParseException(@ForAll String text) {
        try {
            JournaldConfParser.storage(text);
        } catch (ParseException expected) {
            // the only failure allowed
        }
    }

    @Provide
    Arbitrary<String> statusLike() {
        return Arbitraries.strings().withChars("enabldpi 0129=\nAUDIT_STATUS:").ofMaxLength(60)
                .map(s -> "enabled " + s);
    }
}
