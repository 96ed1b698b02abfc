package dev.vigil.agent.check.patch.linux;

import dev.vigil.agent.check.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code dnf -q updateinfo list --security}: one line per (advisory, package) pair. dnf 4 prints
 * {@code ADVISORY SEVERITY/Sec. NEVRA}; dnf 5 prints a table headed {@code Name Type Severity Package Issued}.
 * Returns each package once, as {@code name.arch}, so they can be matched against {@code dnf check-update}.
 */
final class DnfSecurityParser {

    /** name-[epoch:]version-release.arch; the release holds no '-', the arch no '.'. */
    private static final Pattern NEVRA = Pattern.compile("^(?<name>.+)-(?:[0-9]+:)?[^-:]+-[^-]+\\.(?<arch>[A-Za-z0-9_]+)$");

    private DnfSecurityParser() {
    }

    static List<String> parse(String text) throws ParseException {
        Set<String> packages = new LinkedHashSet<>();
        int packageColumn = -1;
        boolean unknownLines = false;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || DnfCheckUpdateParser.isNotice(line)) {
                continue;
            }
            List<String> t = List.of(line.split("\\s+"));
            if (t.getFirst().equals("Name") && t.contains("Package")) {
                packageColumn = t.indexOf("Package");
                continue;
            }
            String candidate = packageColumn >= 0
                    ? (t.size() > packageColumn ? t.get(packageColumn) : "")
                    : (t.size() >= 3 ? t.getLast() : "");
            Matcher m = NEVRA.matcher(candidate);
            if (m.matches()) {
                packages.add(m.group("name") + "." + m.group("arch"));
            } else {
                unknownLines = true;
            }
        }
        if (packages.isEmpty() && unknownLines) {
            throw new ParseException("unrecognised output from `dnf updateinfo list --security`, expected lines "
                    + "'ADVISORY SEVERITY/Sec. name-version-release.arch', got: " + AptUpgradableParser.abbreviate(text.strip()));
        }
        return List.copyOf(packages);
    }
}
