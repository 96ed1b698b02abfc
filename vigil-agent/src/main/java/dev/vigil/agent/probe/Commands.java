package dev.vigil.agent.probe;

import java.util.List;
import java.util.regex.Pattern;

/** Helpers for showing argument vectors to people. */
final class Commands {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,+@%-]+");

    private Commands() {
    }

    /** Whether starting a process failed because the program does not exist (ENOENT, or Windows' ERROR_FILE_NOT_FOUND). */
    static boolean programMissing(java.io.IOException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("error=2,") || m.contains("error: 2 (");
    }

    static String display(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(PLAIN.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }
}
