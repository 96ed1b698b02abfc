package dev.vigil.agent.check.integrity.linux;

import dev.vigil.agent.check.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code /sys/kernel/security/apparmor/profiles} (root only): one loaded profile per line,
 * {@code name (mode)}, the mode being {@code enforce}, {@code complain}, {@code kill}, {@code unconfined}
 * (Ubuntu 24.04's permissive profiles for unprivileged user namespaces) or {@code prompt}. An empty file
 * means no profile is loaded.
 */
final class AppArmorProfilesParser {

    private static final Pattern PROFILE = Pattern.compile("^(?<name>.+) \\((?<mode>[a-z_]+)\\)$");

    private AppArmorProfilesParser() {
    }

    /**
     * Loaded profiles by mode.
     *
     * @param modes    number of profiles per mode, e.g. {@code {"complain":2,"enforce":40}}
     * @param enforced names of the profiles that confine (enforce or kill mode)
     */
    record Profiles(Map<String, Integer> modes, List<String> enforced) {
        Profiles {
            modes = Collections.unmodifiableMap(new TreeMap<>(modes));
            enforced = List.copyOf(enforced);
        }

        int total() {
            return modes.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    static Profiles parse(String text) throws ParseException {
        Map<String, Integer> modes = new TreeMap<>();
        List<String> enforced = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = PROFILE.matcher(line);
            if (!m.matches()) {
                throw new ParseException("unrecognised line in AppArmor's profile list, expected 'name (mode)', got: "
                        + (line.length() > 80 ? line.substring(0, 77) + "..." : line));
            }
            String mode = m.group("mode");
            modes.merge(mode, 1, Integer::sum);
            if (mode.equals("enforce") || mode.equals("kill")) {
                enforced.add(m.group("name"));
            }
        }
        return new Profiles(modes, enforced);
    }
}
