package dev.vigil.agent.check.remote.macos;

import dev.vigil.agent.check.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code launchctl print-disabled system}: the overrides launchd keeps for system services, which the Sharing
 * settings (and {@code launchctl enable|disable}) write.
 * <pre>
 * disabled services = {
 *     "com.openssh.sshd" => enabled         (macOS 11 and later)
 *     "com.apple.screensharing" => disabled
 *     "com.apple.ftpd" => true              (older: true means disabled)
 * }
 * login item associations = {               (newer versions; ignored)
 * </pre>
 * Only the {@code disabled services} block is read. A label with no line has no override: the service's own plist
 * decides (for sshd and screensharing that means off). Output without that block is unusable.
 */
final class LaunchdOverridesParser {

    private static final Pattern ENTRY = Pattern.compile("\"([^\"]+)\"\\s*=>\\s*(\\S+)");

    private LaunchdOverridesParser() {
    }

    /** An override: whether the label is enabled or disabled. */
    enum Override {
        ENABLED, DISABLED
    }

    static Map<String, Override> parse(String text) throws ParseException {
        Map<String, Override> out = new LinkedHashMap<>();
        boolean inBlock = false;
        boolean sawBlock = false;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.equals("disabled services = {")) {
                inBlock = true;
                sawBlock = true;
            } else if (inBlock && line.equals("}")) {
                inBlock = false;
            } else if (inBlock) {
                Matcher m = ENTRY.matcher(line);
                if (m.matches()) {
                    switch (m.group(2)) {
                        case "enabled", "false" -> out.put(m.group(1), Override.ENABLED);
                        case "disabled", "true" -> out.put(m.group(1), Override.DISABLED);
                        default -> throw new ParseException("expected enabled, disabled, true or false for \"" + m.group(1) + "\", got '" + m.group(2) + "'");
                    }
                }
            }
        }
        if (!sawBlock) {
            throw new ParseException("expected a `disabled services = {` block in the output of launchctl print-disabled");
        }
        if (inBlock) {
            throw new ParseException("the `disabled services` block is not closed: the output is truncated");
        }
        return Map.copyOf(out);
    }
}
