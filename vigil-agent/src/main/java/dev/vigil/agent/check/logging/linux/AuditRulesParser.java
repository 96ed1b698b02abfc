package dev.vigil.agent.check.logging.linux;

import dev.vigil.agent.check.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses audit rules in auditctl syntax, as {@code auditctl -l} lists the loaded ones ({@code No rules} when there
 * are none) and as {@code /etc/audit/rules.d/*.rules} and {@code /etc/audit/audit.rules} configure them. A rule is a
 * syscall rule ({@code -a}/{@code -A}) or a file watch ({@code -w}); control lines ({@code -D}, {@code -b},
 * {@code -f}, {@code -e}, long options) are not rules, but {@code -e 2} makes the configuration immutable.
 */
final class AuditRulesParser {

    private AuditRulesParser() {
    }

    /** The rules found, and whether the text locks the configuration ({@code -e 2}). */
    record AuditRules(List<String> rules, boolean immutable) {
        AuditRules {
            rules = List.copyOf(rules);
        }
    }

    /** The output of {@code auditctl -l}: rules, or {@code No rules}; anything else is not a listing. */
    static AuditRules listing(String text) throws ParseException {
        AuditRules r = file(text);
        if (r.rules().isEmpty() && !text.strip().equals("No rules")) {
            throw new ParseException("expected audit rules (-a ..., -w ...) or 'No rules', found "
                    + (text.isBlank() ? "nothing" : "'" + firstLine(text) + "'"));
        }
        return r;
    }

    /** A rules file: comments, blank and control lines are fine, and no rule at all is a valid (empty) file. */
    static AuditRules file(String text) throws ParseException {
        if (text.indexOf('\0') >= 0) {
            throw new ParseException("expected audit rules as text, found binary data (a NUL byte)");
        }
        List<String> rules = new ArrayList<>();
        boolean immutable = false;
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("-a ") || line.startsWith("-A ") || line.startsWith("-w ")) {
                rules.add(line);
            } else if (line.matches("-e\\s+2(\\s.*)?")) {
                immutable = true;
            }
        }
        return new AuditRules(rules, immutable);
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        String first = nl < 0 ? t : t.substring(0, nl);
        return first.length() > 80 ? first.substring(0, 80) + "…" : first;
    }
}
