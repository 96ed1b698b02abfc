package dev.vigil.agent.check.patch.linux;

import dev.vigil.agent.check.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code apt list --upgradable}: after a {@code Listing...} line, one line per package,
 * {@code name/archive[,archive...] version arch [upgradable from: old]}. An update counts as a security
 * update when one of its archives is a security archive ({@code bookworm-security},
 * {@code oldstable-security}, {@code jammy-security}, Ubuntu Pro's {@code jammy-infra-security}).
 */
final class AptUpgradableParser {

    private static final Pattern ENTRY = Pattern.compile(
            "^(?<name>[^/\\s]+)/(?<archives>\\S+) (?<version>\\S+) (?<arch>\\S+) \\[upgradable from: (?<from>[^\\]]+)]$");
    /** The start of an entry line, to tell a cut-off entry from a notice apt printed. */
    private static final Pattern ENTRY_START = Pattern.compile("^[a-z0-9][a-z0-9+.-]*/\\S");

    private AptUpgradableParser() {
    }

    static Updates parse(String text) throws ParseException {
        List<String> security = new ArrayList<>();
        List<String> other = new ArrayList<>();
        boolean listing = false;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("Listing...")) {
                listing = true;
                continue;
            }
            Matcher m = ENTRY.matcher(line);
            if (m.matches()) {
                (isSecurity(m.group("archives")) ? security : other).add(m.group("name"));
            } else if (ENTRY_START.matcher(line).find()) {
                throw new ParseException("truncated or garbled entry in `apt list --upgradable`, expected "
                        + "'name/archive version arch [upgradable from: old]', got: " + abbreviate(line));
            }
        }
        if (!listing && security.isEmpty() && other.isEmpty()) {
            throw new ParseException("unrecognised output from `apt list --upgradable`, expected a 'Listing...' line, got: "
                    + abbreviate(text.strip()));
        }
        return new Updates(security, other);
    }

    static boolean isSecurity(String archives) {
        for (String archive : archives.split(",")) {
            if (archive.endsWith("-security")) {
                return true;
            }
        }
        return false;
    }

    static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.isEmpty() ? "(empty)" : one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }
}
