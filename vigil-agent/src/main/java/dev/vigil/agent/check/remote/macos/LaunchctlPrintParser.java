package dev.vigil.agent.check.remote.macos;

import dev.vigil.agent.check.ParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code launchctl print system/<label>} for a service that is loaded (exit 0):
 * <pre>
 * system/com.openssh.sshd = {
 *     active count = 0
 *     path = /System/Library/LaunchDaemons/ssh.plist      ("(submitted by smd[541])" on macOS 13 and later)
 *     state = waiting                                    ("not running" on newer versions)
 *     program = /usr/libexec/sshd-keygen-wrapper
 *     …
 * </pre>
 * The first line must name the service asked for; the state and program are read when present. A service that is not
 * loaded makes launchctl exit 113 with "Could not find service" instead, which the caller sees without this parser.
 */
final class LaunchctlPrintParser {

    private static final Pattern FIELD = Pattern.compile("\\s+(state|program|path) = (.+)");

    private LaunchctlPrintParser() {
    }

    /** A loaded service: its state and program, when printed. */
    record LoadedService(String label, Optional<String> state, Optional<String> program, Optional<String> path) {
    }

    static LoadedService parse(String text, String label) throws ParseException {
        String[] lines = text.split("\\R");
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        String header = "system/" + label + " = {";
        if (first == lines.length || !lines[first].strip().equals(header)) {
            throw new ParseException("expected the first line `" + header + "`, got "
                    + (first == lines.length ? "empty output" : "'" + cut(lines[first].strip()) + "'"));
        }
        Optional<String> state = Optional.empty();
        Optional<String> program = Optional.empty();
        Optional<String> path = Optional.empty();
        for (int i = first + 1; i < lines.length; i++) {
            Matcher m = FIELD.matcher(lines[i]);
            // only the service's own fields, one tab or four spaces in; nested blocks are indented further
            if (m.matches() && indent(lines[i]) <= 4) {
                String value = m.group(2).strip();
                switch (m.group(1)) {
                    case "state" -> state = state.or(() -> Optional.of(value));
                    case "program" -> program = program.or(() -> Optional.of(value));
                    default -> path = path.or(() -> Optional.of(value));
                }
            }
        }
        return new LoadedService(label, state, program, path);
    }

    private static int indent(String line) {
        int n = 0;
        for (char ch : line.toCharArray()) {
            if (ch == '\t') {
                n += 4;
            } else if (ch == ' ') {
                n++;
            } else {
                break;
            }
        }
        return n;
    }

    private static String cut(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
