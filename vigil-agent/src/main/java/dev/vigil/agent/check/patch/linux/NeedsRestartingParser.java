package dev.vigil.agent.check.patch.linux;

import dev.vigil.agent.check.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code needs-restarting -r} (dnf-plugins-core; also yum-utils on RHEL 7). When a reboot is needed
 * it lists the packages updated since boot ({@code   * kernel-core} in dnf, {@code   kernel -> 3.10.0-...}
 * in yum-utils) and says {@code Reboot is required ...}; otherwise it says {@code Reboot should not be
 * necessary.} (dnf) or {@code Reboot is probably not necessary.} (yum-utils).
 */
final class NeedsRestartingParser {

    private static final Pattern DNF_ITEM = Pattern.compile("^\\s+\\*\\s+(\\S+)\\s*$");
    private static final Pattern YUM_ITEM = Pattern.compile("^\\s+(\\S+)\\s+->\\s+\\S+\\s*$");

    private NeedsRestartingParser() {
    }

    /** What needs-restarting concluded. */
    sealed interface Hint {
        /** A reboot is needed to load the updated {@code packages}. */
        record Required(List<String> packages) implements Hint {
            public Required {
                packages = List.copyOf(packages);
            }
        }

        /** Nothing updated since boot needs a reboot. */
        record NotRequired() implements Hint {
        }
    }

    static Hint parse(String text) throws ParseException {
        if (text.contains("Reboot is required")) {
            List<String> packages = new ArrayList<>();
            for (String line : text.split("\n")) {
                Matcher m = DNF_ITEM.matcher(line);
                Matcher y = YUM_ITEM.matcher(line);
                if (m.matches()) {
                    packages.add(m.group(1));
                } else if (y.matches()) {
                    packages.add(y.group(1));
                }
            }
            return new Hint.Required(packages);
        }
        if (text.contains("Reboot should not be necessary") || text.contains("Reboot is probably not necessary")) {
            return new Hint.NotRequired();
        }
        throw new ParseException("unrecognised output from `needs-restarting -r`, expected 'Reboot is required' or "
                + "'Reboot should not be necessary', got: " + AptUpgradableParser.abbreviate(text.strip()));
    }
}
