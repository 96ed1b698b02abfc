package dev.vigil.agent.probe;

import java.util.List;
import java.util.regex.Pattern;

/** Helpers for showing argument vectors to people. */
final class Commands {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,+@%-]+");

    private Commands() {
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
