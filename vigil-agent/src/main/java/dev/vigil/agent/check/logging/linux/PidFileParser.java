package dev.vigil.agent.check.logging.linux;

import dev.vigil.agent.check.ParseException;

/** Parses a daemon's pid file ({@code /run/auditd.pid}): one positive process id. */
final class PidFileParser {

    private PidFileParser() {
    }

    static long pid(String text) throws ParseException {
        String t = text.strip();
        if (!t.matches("[0-9]{1,10}") || Long.parseLong(t) == 0) {
            throw new ParseException("expected a process id in the pid file, found "
                    + (t.isEmpty() ? "nothing" : "'" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "'"));
        }
        return Long.parseLong(t);
    }
}
