package dev.vigil.agent.check.integrity.linux;

import dev.vigil.agent.check.ParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses {@code /etc/selinux/config}: shell-style {@code KEY=value} lines, of which {@code SELINUX}
 * ({@code enforcing}, {@code permissive} or {@code disabled}) is the mode the system boots into.
 */
final class SelinuxConfigParser {

    private SelinuxConfigParser() {
    }

    /** The configured boot-time mode. */
    enum Mode { ENFORCING, PERMISSIVE, DISABLED }

    static Mode parse(String text) throws ParseException {
        Optional<String> configured = Optional.empty();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("SELINUX=")) {
                configured = Optional.of(line.substring("SELINUX=".length()).strip().replace("\"", "").toLowerCase(Locale.ROOT));
            }
        }
        String value = configured.orElseThrow(() -> new ParseException("no SELINUX= line in /etc/selinux/config"));
        return switch (value) {
            case "enforcing" -> Mode.ENFORCING;
            case "permissive" -> Mode.PERMISSIVE;
            case "disabled" -> Mode.DISABLED;
            default -> throw new ParseException("unrecognised SELINUX=" + value + " in /etc/selinux/config, "
                    + "expected enforcing, permissive or disabled");
        };
    }
}
