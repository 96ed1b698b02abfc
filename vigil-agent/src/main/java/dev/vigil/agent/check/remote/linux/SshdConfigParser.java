package dev.vigil.agent.check.remote.linux;

import dev.vigil.agent.check.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads sshd configuration text: the effective configuration printed by {@code sshd -T} (one lowercase
 * {@code keyword value} per line) and the {@code sshd_config} file format (keywords case-insensitive,
 * {@code Keyword value} or {@code Keyword=value}, {@code #} comments, double quotes around arguments
 * with spaces). {@code ChallengeResponseAuthentication} is OpenSSH's old name for
 * {@code KbdInteractiveAuthentication}; both map to the new name.
 */
final class SshdConfigParser {

    private SshdConfigParser() {
    }

    /** One line of a configuration file. */
    record Directive(String keyword, List<String> args, int line) {
        Directive {
            args = List.copyOf(args);
        }

        /** The arguments as one lowercase value, e.g. {@code publickey,password publickey,keyboard-interactive}. */
        String value() {
            return String.join(" ", args).toLowerCase(Locale.ROOT);
        }
    }

    /** The first value of each keyword in {@code sshd -T} output. */
    static Map<String, String> parseEffective(String text) throws ParseException {
        Map<String, String> values = new HashMap<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            int sp = indexOfSpace(line);
            if (line.isEmpty() || sp <= 0) {
                continue;
            }
            String key = canonical(line.substring(0, sp).toLowerCase(Locale.ROOT));
            values.putIfAbsent(key, line.substring(sp).strip().toLowerCase(Locale.ROOT));
        }
        for (String required : List.of("permitrootlogin", "passwordauthentication")) {
            if (!values.containsKey(required)) {
                throw new ParseException("expected `sshd -T` output with a `" + required + "` line");
            }
        }
        return Map.copyOf(values);
    }

    /** The directives of one configuration file, in order. Never fails: unknown keywords are kept and ignored by callers. */
    static List<Directive> parseFile(String text) {
        List<Directive> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && line.charAt(end) != '=') {
                end++;
            }
            if (end == 0) {
                continue;
            }
            String keyword = canonical(line.substring(0, end).toLowerCase(Locale.ROOT));
            String rest = line.substring(end).strip();
            if (rest.startsWith("=")) {
                rest = rest.substring(1).strip();
            }
            out.add(new Directive(keyword, arguments(rest), i + 1));
        }
        return List.copyOf(out);
    }

    private static String canonical(String keyword) {
        return keyword.equals("challengeresponseauthentication") ? "kbdinteractiveauthentication" : keyword;
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Splits on whitespace, keeping double-quoted arguments whole; a {@code #} starting an argument ends the line. */
    private static List<String> arguments(String rest) {
        List<String> args = new ArrayList<>();
        int i = 0;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '#') {
                break;
            }
            int start = i;
            if (c == '"') {
                int close = rest.indexOf('"', i + 1);
                int stop = close < 0 ? rest.length() : close;
                args.add(rest.substring(i + 1, stop));
                i = stop + 1;
                continue;
            }
            while (i < rest.length() && !Character.isWhitespace(rest.charAt(i))) {
                i++;
            }
            args.add(rest.substring(start, i));
        }
        return args;
    }
}
