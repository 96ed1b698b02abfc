package dev.vigil.agent.check.patch.linux;

import dev.vigil.agent.check.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses {@code dnf -q check-update}: one line per available update, {@code name.arch version repo}, where
 * a name too long for its column is printed alone and the rest follows on an indented line. Everything
 * from an {@code Obsoleting Packages} heading on is not an update of an installed package and is skipped.
 * Returns the packages as {@code name.arch}.
 */
final class DnfCheckUpdateParser {

    private static final Pattern NAME_ARCH = Pattern.compile("^[A-Za-z0-9_+.-]+\\.[A-Za-z0-9_]+$");
    private static final Pattern VERSION = Pattern.compile("^([0-9]+:)?[A-Za-z0-9._+~^-]+-[A-Za-z0-9._+~^]+$");

    private DnfCheckUpdateParser() {
    }

    static List<String> parse(String text) throws ParseException {
        List<String> packages = new ArrayList<>();
        String pending = null;
        boolean unknownLines = false;
        for (String raw : text.split("\n")) {
            if (raw.isBlank()) {
                continue;
            }
            String line = raw.strip();
            if (line.startsWith("Obsoleting Packages")) {
                break;
            }
            if (isNotice(line)) {
                continue;
            }
            String[] t = line.split("\\s+");
            boolean indented = Character.isWhitespace(raw.charAt(0));
            if (pending != null) {
                if (indented && t.length == 2 && VERSION.matcher(t[0]).matches()) {
                    packages.add(pending);
                    pending = null;
                    continue;
                }
                throw new ParseException("truncated `dnf check-update` output: '" + pending
                        + "' is not followed by its version and repository");
            }
            if (t.length == 3 && NAME_ARCH.matcher(t[0]).matches() && VERSION.matcher(t[1]).matches()) {
                packages.add(t[0]);
            } else if (t.length == 1 && !indented && NAME_ARCH.matcher(t[0]).matches()) {
                pending = t[0];
            } else {
                unknownLines = true;
            }
        }
        if (pending != null) {
            throw new ParseException("truncated `dnf check-update` output: '" + pending
                    + "' is not followed by its version and repository");
        }
        if (packages.isEmpty() && unknownLines) {
            throw new ParseException("unrecognised output from `dnf check-update`, expected lines "
                    + "'name.arch version repository', got: " + AptUpgradableParser.abbreviate(text.strip()));
        }
        return List.copyOf(packages);
    }

    /** Lines dnf prints about itself even with {@code -q} in some versions. */
    static boolean isNotice(String line) {
        return line.startsWith("Last metadata expiration check") || line.startsWith("Updateinfo list done")
                || line.startsWith("Updating and loading repositories") || line.startsWith("Repositories loaded");
    }
}
