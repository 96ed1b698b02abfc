package dev.vigil.agent.check.patch.linux;

import dev.vigil.agent.check.ParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses apt's configuration syntax, as in {@code /etc/apt/apt.conf.d/*} and in the output of
 * {@code apt-config dump}: {@code A::B "value";} and the nested form {@code A { B "value"; };}, with
 * {@code //}, {@code /* *}{@code /} and {@code #} comments. Returns option names in lower case (apt's
 * names are case-insensitive) with their values; a later assignment wins, as in apt. List entries
 * ({@code A:: "x";} or {@code A { "x"; };}) are not options and are skipped.
 */
final class AptConfParser {

    private AptConfParser() {
    }

    static Map<String, String> parse(String text) throws ParseException {
        return parse(text, new LinkedHashMap<>());
    }

    /** Parses {@code text} over the options already in {@code into} (for several files read in order). */
    static Map<String, String> parse(String text, Map<String, String> into) throws ParseException {
        Map<String, String> options = new LinkedHashMap<>(into);
        List<String> tokens = tokens(text);
        Deque<String> scopes = new ArrayDeque<>();
        int i = 0;
        while (i < tokens.size()) {
            String t = tokens.get(i);
            if (t.equals("}")) {
                if (scopes.isEmpty()) {
                    throw new ParseException("unbalanced '}' in apt configuration");
                }
                scopes.pop();
                i = skip(tokens, i + 1, ";");
                continue;
            }
            if (t.equals(";")) {
                i++;
                continue;
            }
            if (t.equals("{")) {
                throw new ParseException("'{' without an option name in apt configuration");
            }
            String key = t.startsWith("\"") ? null : t;
            String value = t.startsWith("\"") ? unquote(t) : null;
            i++;
            if (key != null && i < tokens.size() && isValue(tokens.get(i))) {
                value = unquote(tokens.get(i));
                i++;
            }
            if (i >= tokens.size()) {
                throw new ParseException("truncated apt configuration: expected ';' or '{' after '" + t + "'");
            }
            String next = tokens.get(i);
            if (next.equals("{")) {
                if (key == null) {
                    throw new ParseException("'{' after a value in apt configuration: " + t);
                }
                scopes.push(key);
                i++;
            } else if (next.equals(";")) {
                if (key != null && value != null && !key.endsWith("::")) {
                    options.put(fullName(scopes, key), value);
                }
                i++;
            } else {
                throw new ParseException("expected ';' after '" + t + "' in apt configuration, got '" + next + "'");
            }
        }
        if (!scopes.isEmpty()) {
            throw new ParseException("truncated apt configuration: '" + scopes.peek() + " {' is never closed");
        }
        return options;
    }

    private static boolean isValue(String token) {
        return !token.equals("{") && !token.equals("}") && !token.equals(";");
    }

    private static int skip(List<String> tokens, int i, String optional) {
        return i < tokens.size() && tokens.get(i).equals(optional) ? i + 1 : i;
    }

    private static String fullName(Deque<String> scopes, String key) {
        List<String> parts = new ArrayList<>(scopes);
        java.util.Collections.reverse(parts);
        parts.add(key);
        return String.join("::", parts).toLowerCase(Locale.ROOT);
    }

    private static String unquote(String token) {
        return token.startsWith("\"") ? token.substring(1, token.length() - 1) : token;
    }

    private static List<String> tokens(String text) throws ParseException {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/' || c == '#') {
                // '#clear' and '#include' directives are skipped like comments: they do not occur in
                // apt-config dump and almost never in apt.conf.d
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new ParseException("unterminated /* comment in apt configuration");
                }
                i = end + 2;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw new ParseException("unterminated string in apt configuration: "
                            + AptUpgradableParser.abbreviate(text.substring(i)));
                }
                out.add(text.substring(i, end + 1));
                i = end + 1;
            } else if (c == '{' || c == '}' || c == ';') {
                out.add(String.valueOf(c));
                i++;
            } else {
                int j = i;
                while (j < n && !Character.isWhitespace(text.charAt(j)) && "{};\"".indexOf(text.charAt(j)) < 0) {
                    j++;
                }
                out.add(text.substring(i, j));
                i = j;
            }
        }
        return out;
    }
}
