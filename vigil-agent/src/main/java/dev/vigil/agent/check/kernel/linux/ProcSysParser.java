package dev.vigil.agent.check.kernel.linux;

import dev.vigil.agent.check.ParseException;

/** Parses the text of one {@code /proc/sys} file: one value, or several separated by tabs (e.g. ip_local_port_range). */
final class ProcSysParser {

    private ProcSysParser() {
    }

    /** The value with runs of white space made one space, as sysctl(8) prints it. */
    static String value(String text) throws ParseException {
        String v = text.strip();
        if (v.isEmpty()) {
            throw new ParseException("expected a value in the /proc/sys file, found nothing");
        }
        if (v.indexOf('\n') >= 0) {
            throw new ParseException("expected one line in the /proc/sys file, found " + v.lines().count());
        }
        if (v.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            throw new ParseException("expected a printable value in the /proc/sys file, found control characters");
        }
        return v.replaceAll("\\s+", " ");
    }
}
