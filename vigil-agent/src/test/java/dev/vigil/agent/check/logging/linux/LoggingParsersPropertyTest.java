package dev.vigil.agent.check.logging.linux;

import dev.vigil.agent.testing.ParserProperties;
import dev.vigil.core.testing.RandomInputs;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoggingParsersPropertyTest {

    @Test
    void auditctlStatusParserThrowsOnlyParseException() {
        ParserProperties.throwsOnlyParseException(AuditctlStatusParser::parse, "linux/auditctl-s/enabled-running.txt",
                "linux/auditctl-s/rhel6-single-line.txt");
    }

    @Test
    void auditctlStatusParserThrowsOnlyParseExceptionOnStatusLikeText() {
        List<String> statusLike = RandomInputs.fromAlphabet("enabldpi 0129=\nAUDIT_STATUS:", 60, 71, RandomInputs.TRIES)
                .stream().map(s -> "enabled " + s).toList();
        ParserProperties.throwsOnlyParseExceptionOn(AuditctlStatusParser::parse, statusLike);
    }

    @Test
    void auditRulesParserThrowsOnlyParseException() {
        ParserProperties.throwsOnlyParseException(AuditRulesParser::listing, "linux/auditctl-l/syscall-rules.txt", "linux/auditctl-l/watches.txt");
    }

    @Test
    void pidFileParserThrowsOnlyParseException() {
        ParserProperties.throwsOnlyParseException(PidFileParser::pid, "linux/auditd-pid/running.txt");
    }

    @Test
    void journaldConfParserThrowsOnlyParseException() {
        ParserProperties.throwsOnlyParseException(JournaldConfParser::storage, "linux/journald-conf/persistent-drop-in.txt");
    }
}
