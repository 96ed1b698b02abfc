package dev.vigil.agent.check.kernel.linux;

import java.util.regex.Pattern;

/**
 * Sysctl names in their two spellings: dotted ({@code net.ipv4.tcp_syncookies}, as policies and sysctl(8) write
 * them) and as a path under {@code /proc/sys}. A name whose first separator is a dot has dots and slashes
 * interchanged to make the path, so {@code net.ipv4.conf.eth0/100.rp_filter} names the interface {@code eth0.100}.
 */
final class SysctlNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+([./][A-Za-z0-9_@:-]+)*");

    private SysctlNames() {
    }

    /** Whether {@code name} is a plain sysctl name that is safe to turn into a path (no globs, no "..", no empty parts). */
    static boolean valid(String name) {
        return NAME.matcher(name).matches() && !name.contains("..") && !name.contains("//");
    }

    static boolean isGlob(String key) {
        return key.indexOf('*') >= 0 || key.indexOf('?') >= 0 || key.indexOf('[') >= 0;
    }

    /** The path of {@code name} under {@code /proc/sys}, e.g. {@code kernel/yama/ptrace_scope}. */
    static String path(String name) {
        int dot = name.indexOf('.');
        int slash = name.indexOf('/');
        boolean dotFirst = dot >= 0 && (slash < 0 || dot < slash);
        return dotFirst ? interchange(name) : name;
    }

    /** The dotted spelling of a key written either way. */
    static String dotted(String key) {
        return interchange(path(key));
    }

    /**
     * Whether the glob {@code pattern} (dotted) matches the sysctl {@code name} (dotted). Matching is on the paths,
     * as glob(3) on /proc/sys does it: {@code *}, {@code ?} and {@code [...]} never match a separator.
     */
    static boolean globMatches(String pattern, String name) {
        String p = path(pattern);
        String n = path(name);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    int close = p.indexOf(']', i + 2);
                    if (close < 0) {
                        regex.append("\\[");
                    } else {
                        String set = p.substring(i + 1, close);
                        boolean negated = set.startsWith("!");
                        String body = (negated ? set.substring(1) : set).replace("\\", "\\\\").replace("[", "\\[")
                                .replace("&", "\\&").replace("^", "\\^");
                        regex.append('[').append(negated ? "^" : "").append(body).append(']');
                        i = close;
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        try {
            return Pattern.matches(regex.toString(), n);
        } catch (java.util.regex.PatternSyntaxException e) {
            return false;
        }
    }

    private static String interchange(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c == '.' ? '/' : c == '/' ? '.' : c);
        }
        return sb.toString();
    }
}
