package dev.vigil.agent.check.logging.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoggingParsersTest {

    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            enabled-running.txt        | 1 | 2542  | auditing on, auditd registered
            enabled-running-audit3.txt | 1 | 21885 | audit 3 adds backlog_wait_time_actual
            immutable.txt              | 2 | 1284  | locked until reboot
            disabled-no-daemon.txt     | 0 | 0     | auditing off, no daemon
            rhel6-single-line.txt      | 1 | 1483  | audit 1.x single-line format
            """)
    void parsesAuditctlStatus(String fixture, int enabled, long pid, String what) throws ParseException {
        AuditctlStatusParser.AuditStatus s = AuditctlStatusParser.parse(Fixtures.output("linux/auditctl-s/" + fixture));
        assertThat(s.enabled()).isEqualTo(enabled);
        assertThat(s.pid()).isEqualTo(pid);
        assertThat(s.immutable()).isEqualTo(enabled == 2);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            truncated.txt | cut before the pid
            empty.txt     | nothing
            garbled.txt   | a netlink error message
            """)
    void rejectsUnusableAuditctlStatus(String fixture, String what) {
        assertThatThrownBy(() -> AuditctlStatusParser.parse(Fixtures.output("linux/auditctl-s/" + fixture)))
                .isInstanceOf(ParseException.class).hasMessageContaining("'enabled' and 'pid'");
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            no-rules.txt      | 0 | auditd running with nothing loaded
            watches.txt       | 5 | file watches
            syscall-rules.txt | 2 | syscall rules
            truncated.txt     | 2 | cut mid-line: both lines still read as watches
            """)
    void parsesAuditctlListing(String fixture, int rules, String what) throws ParseException {
        assertThat(AuditRulesParser.listing(Fixtures.output("linux/auditctl-l/" + fixture)).rules()).hasSize(rules);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            empty.txt   | nothing
            garbled.txt | a netlink error message
            """)
    void rejectsUnusableAuditctlListing(String fixture, String what) {
        assertThatThrownBy(() -> AuditRulesParser.listing(Fixtures.output("linux/auditctl-l/" + fixture)))
                .isInstanceOf(ParseException.class).hasMessageContaining("No rules");
    }

    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            default-no-rules.txt | 0 | false | the packaged default: control lines only
            cis-immutable.txt    | 6 | true  | CIS-style watches and syscall rules, locked with -e 2
            empty.txt            | 0 | false | an empty file
            """)
    void parsesRulesFiles(String fixture, int rules, boolean immutable, String what) throws ParseException {
        AuditRulesParser.AuditRules r = AuditRulesParser.file(Fixtures.output("linux/audit-rules/" + fixture));
        assertThat(r.rules()).hasSize(rules);
        assertThat(r.immutable()).isEqualTo(immutable);
    }

    @org.junit.jupiter.api.Test
    void rejectsBinaryRulesFiles() {
        assertThatThrownBy(() -> AuditRulesParser.file(Fixtures.output("linux/audit-rules/garbled.txt")))
                .isInstanceOf(ParseException.class).hasMessageContaining("binary");
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            running.txt | 829 | a pid and a newline
            empty.txt   | -1  | empty
            garbled.txt | -1  | a name instead of a number
            zero.txt    | -1  | pid 0 is no process
            """)
    void parsesPidFiles(String fixture, long pid, String what) throws ParseException {
        String text = Fixtures.output("linux/auditd-pid/" + fixture);
        if (pid < 0) {
            assertThatThrownBy(() -> PidFileParser.pid(text)).isInstanceOf(ParseException.class).hasMessageContaining("process id");
        } else {
            assertThat(PidFileParser.pid(text)).isEqualTo(pid);
        }
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            debian12-default.txt   | -          | everything commented: the default applies
            persistent-drop-in.txt | persistent | a drop-in making the journal persistent
            wrong-section.txt      | -          | Storage= outside [Journal] does not count
            truncated.txt          | vol        | cut inside the value: read as written
            """)
    void parsesJournaldStorage(String fixture, String storage, String what) throws ParseException {
        assertThat(JournaldConfParser.storage(Fixtures.output("linux/journald-conf/" + fixture)))
                .isEqualTo(storage.equals("-") ? Optional.empty() : Optional.of(storage));
    }

    @org.junit.jupiter.api.Test
    void rejectsBinaryJournaldConf() {
        assertThatThrownBy(() -> JournaldConfParser.storage(Fixtures.output("linux/journald-conf/garbled.txt")))
                .isInstanceOf(ParseException.class);
    }
}
