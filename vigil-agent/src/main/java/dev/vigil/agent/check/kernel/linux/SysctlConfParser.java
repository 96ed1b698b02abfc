package dev.vigil.agent.check.kernel.linux;

import dev.vigil.agent.check.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses one sysctl configuration file ({@code sysctl.d(5)}, {@code sysctl.conf(5)}): {@code key = value} lines,
 * comments starting with {@code #} or {@code ;}, a leading {@code -} (ignore failures, or with no value: exclude
 * the key from glob assignments), and keys written with dots or slashes. Lines that are not assignments are
 * counted and otherwise ignored, as systemd-sysctl does.
 */
final class SysctlConfParser {

    private SysctlConfParser() {
    }

    /** One line that does something. */
    sealed interface Line {
        /** The key in dotted form, possibly a glob. */
        String key();
    }

    /** {@code key = value}; a key with glob characters assigns every matching sysctl without its own assignment. */
    record Assignment(String key, String value) implements Line {
        Assignment {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        boolean glob() {
            return SysctlNames.isGlob(key);
        }
    }

    /** {@code -key} with no value: {@code key} is not assigned by glob patterns. */
    record Exclusion(String key) implements Line {
        Exclusion {
            Objects.requireNonNull(key, "key");
        }
    }

    /** The lines of a file that do something, and how many lines were neither those, comments nor blank. */
    record SysctlConf(List<Line> lines, int ignoredLines) {
        SysctlConf {
            lines = List.copyOf(lines);
        }
    }

    static SysctlConf parse(String text) throws ParseException {
        if (text.indexOf('\0') >= 0) {
            throw new ParseException("expected a text sysctl configuration file, found binary data (a NUL byte)");
        }
        List<Line> lines = new ArrayList<>();
        int ignored = 0;
        for (String raw : text.split("\r?\n|\r", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';') {
                continue;
            }
            boolean dash = line.charAt(0) == '-';
            String body = dash ? line.substring(1) : line;
            int eq = body.indexOf('=');
            String key = SysctlNames.dotted((eq < 0 ? body : body.substring(0, eq)).strip());
            if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
                ignored++;
                continue;
            }
            if (eq < 0) {
                if (dash) {
                    lines.add(new Exclusion(key));
                } else {
                    ignored++;
                }
                continue;
            }
            lines.add(new Assignment(key, body.substring(eq + 1).strip().replaceAll("\\s+", " ")));
        }
        return new SysctlConf(lines, ignored);
    }
}
