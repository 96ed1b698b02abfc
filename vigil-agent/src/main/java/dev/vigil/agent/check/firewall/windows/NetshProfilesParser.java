package dev.vigil.agent.check.firewall.windows;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.windows.Excerpt;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code netsh advfirewall show allprofiles [state|firewallpolicy]}: a {@code <Name> Profile Settings:} header
 * per profile, a line of dashes, then {@code Label<spaces>value} lines. netsh prints in the display language of
 * Windows: without the English headers the output is rejected with a message saying so, never guessed at.
 */
final class NetshProfilesParser {

    private static final Pattern HEADER = Pattern.compile("^(Domain|Private|Public) Profile Settings:\\s*$");
    private static final Pattern DASHES = Pattern.compile("^-{20,}\\s*$");

    private NetshProfilesParser() {
    }

    /** The value of {@code label} (e.g. {@code State}, {@code Firewall Policy}) in each profile that has it. */
    static Map<Profile, String> parse(String text, String label) throws ParseException {
        List<String> lines = List.of(text.split("\\R"));
        Map<Profile, String> values = new EnumMap<>(Profile.class);
        Optional<Profile> current = Optional.empty();
        boolean sawHeader = false;
        Pattern field = Pattern.compile("^" + Pattern.quote(label) + "\\s{2,}(\\S.*)$");
        for (String raw : lines) {
            String line = raw.strip();
            Matcher h = HEADER.matcher(line);
            if (h.matches()) {
                current = Profile.named(h.group(1));
                sawHeader = true;
                continue;
            }
            Matcher f = field.matcher(line);
            if (current.isPresent() && f.matches()) {
                values.putIfAbsent(current.get(), f.group(1).strip());
            }
        }
        if (!sawHeader) {
            if (lines.stream().anyMatch(l -> DASHES.matcher(l.strip()).matches())) {
                throw new ParseException("netsh output is in a language the parser does not know (no 'Domain Profile Settings:' "
                        + "header; first line: '" + Excerpt.oneLine(lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("")) + "')");
            }
            throw new ParseException("unrecognised output from `netsh advfirewall show allprofiles`, expected '<Profile> Profile Settings:' "
                    + "headers, got: " + Excerpt.oneLine(text));
        }
        if (values.isEmpty()) {
            throw new ParseException("expected a '" + label + "' line in each profile of the netsh output, found none");
        }
        return java.util.Collections.unmodifiableMap(values);
    }
}
