package dev.vigil.agent.check.patch.linux;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses {@code /var/run/reboot-required.pkgs}, written beside {@code /var/run/reboot-required} on
 * Debian and Ubuntu: one package name per line, repeated when several updates of it asked for a reboot.
 * Lines that cannot be package names are skipped; the file is advisory, the flag file is what counts.
 */
final class RebootRequiredPkgsParser {

    private static final Pattern PACKAGE = Pattern.compile("^[a-z0-9][a-z0-9+.-]*$");

    private RebootRequiredPkgsParser() {
    }

    static List<String> parse(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            String name = line.strip();
            if (PACKAGE.matcher(name).matches()) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }
}
