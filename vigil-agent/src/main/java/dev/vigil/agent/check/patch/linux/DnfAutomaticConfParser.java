package dev.vigil.agent.check.patch.linux;

import dev.vigil.agent.check.ParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code /etc/dnf/automatic.conf}, an INI file: {@code [section]} headings and {@code key = value}
 * lines, {@code #} and {@code ;} comments. Returns {@code section.key} (lower case) to value.
 */
final class DnfAutomaticConfParser {

    private DnfAutomaticConfParser() {
    }

    static Map<String, String> parse(String text) throws ParseException {
        Map<String, String> values = new LinkedHashMap<>();
        String section = "";
        boolean recognised = false;
        boolean unrecognised = false;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip().toLowerCase(Locale.ROOT);
                recognised = true;
                continue;
            }
            int eq = line.indexOf('=');
            if (eq > 0 && !section.isEmpty()) {
                values.put(section + "." + line.substring(0, eq).strip().toLowerCase(Locale.ROOT), line.substring(eq + 1).strip());
                recognised = true;
            } else {
                unrecognised = true;
            }
        }
        if (unrecognised && !recognised) {
            throw new ParseException("unrecognised dnf-automatic configuration, expected '[commands]' and "
                    + "'key = value' lines, got: " + AptUpgradableParser.abbreviate(text.strip()));
        }
        return values;
    }

    /** dnf's booleans: 1, yes, true, on. */
    static boolean isTrue(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "1", "yes", "true", "on" -> true;
            default -> false;
        };
    }
}
