package dev.vigil.agent.check.firewall.linux;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code KEY=value} files such as {@code /etc/ufw/ufw.conf}, {@code /etc/default/ufw} and
 * {@code /etc/firewalld/firewalld.conf}: comments and blank lines skipped, surrounding quotes removed,
 * the last assignment of a key wins (as when a shell sources the file). Never fails: a line that is not
 * an assignment is ignored.
 */
final class ShellAssignmentsParser {

    private ShellAssignmentsParser() {
    }

    static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                continue;
            }
            values.put(key, unquote(line.substring(eq + 1).strip()));
        }
        return Map.copyOf(values);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        int comment = v.indexOf(" #");
        return comment >= 0 ? v.substring(0, comment).strip() : v;
    }
}
