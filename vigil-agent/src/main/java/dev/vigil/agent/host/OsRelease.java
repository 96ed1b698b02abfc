package dev.vigil.agent.host;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses {@code os-release(5)}: KEY=value lines, values optionally quoted; other lines are ignored. */
public final class OsRelease {

    private OsRelease() {
    }

    public static Map<String, String> parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            int eq = l.indexOf('=');
            if (l.startsWith("#") || eq <= 0) {
                continue;
            }
            String key = l.substring(0, eq).strip();
            String value = l.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            }
            m.put(key, value);
        }
        return m;
    }
}
