package dev.vigil.agent.check.network.macos;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.network.Listener;
import dev.vigil.agent.check.network.Listener.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code lsof -nP -iTCP -sTCP:LISTEN -F pcnt}: field output, one field per line, its first character naming
 * it. A process set starts with {@code p<pid>} and {@code c<command>}; each socket then gives {@code t<IPv4|IPv6>}
 * and {@code n<address>:<port>} ({@code *:22}, {@code 127.0.0.1:631}, {@code [::1]:631}, {@code [fe80:4::1]:5000}).
 * {@code f} lines (some lsof versions add the descriptor) start a new socket; other fields are ignored, as are names
 * of connected sockets ({@code a->b}) and of sockets whose {@code P} field names another protocol than TCP. An {@code n} line before any {@code p} line, a non-numeric pid or a name that is
 * not a numeric address and port is an error: the output is not what was asked for.
 */
final class LsofListenParser {

    private static final Pattern NAME = Pattern.compile("(\\*|\\[[0-9A-Za-z:.%]+\\]|[0-9A-Za-z:.%]+):(\\d{1,5})");

    private LsofListenParser() {
    }

    static List<Listener> parse(String text) throws ParseException {
        List<Listener> out = new ArrayList<>();
        long pid = -1;
        String command = "";
        String family = "unknown";
        String protocol = "TCP";
        int lineNo = 0;
        for (String line : text.split("\\R")) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            String value = line.substring(1);
            switch (line.charAt(0)) {
                case 'p' -> {
                    if (!value.matches("\\d{1,10}")) {
                        throw new ParseException("expected a process id after 'p' on line " + lineNo + " of lsof's field output, got '" + cut(line) + "'");
                    }
                    pid = Long.parseLong(value);
                    command = "";
                    family = "unknown";
                    protocol = "TCP";
                }
                case 'c' -> command = value;
                case 'f' -> {
                    family = "unknown";
                    protocol = "TCP";
                }
                case 'P' -> protocol = value;
                case 't' -> family = value.equals("IPv4") ? "ipv4" : value.equals("IPv6") ? "ipv6" : "unknown";
                case 'n' -> {
                    if (pid < 0) {
                        throw new ParseException("expected a 'p' (process) line before the name on line " + lineNo + " of lsof's field output");
                    }
                    String name = value.endsWith(" (LISTEN)") ? value.substring(0, value.length() - 9) : value;
                    if (!name.contains("->") && protocol.equals("TCP")) {
                        out.add(listener(pid, command, family, name, lineNo));
                    }
                }
                default -> {
                }
            }
        }
        return List.copyOf(out);
    }

    private static Listener listener(long pid, String command, String family, String name, int lineNo) throws ParseException {
        Matcher m = NAME.matcher(name);
        if (!m.matches() || Integer.parseInt(m.group(2)) > 65535) {
            throw new ParseException("expected a numeric address and port such as *:22 or [::1]:631 on line " + lineNo
                    + " of lsof's field output, got '" + cut(name) + "'");
        }
        String address = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
        String fam = family.equals("unknown") && address.contains(":") ? "ipv6" : family;
        return Listener.unowned(fam, address, Integer.parseInt(m.group(2)), scope(address)).ownedBy(pid, command);
    }

    static Scope scope(String address) {
        String a = address.toLowerCase(java.util.Locale.ROOT);
        if (a.startsWith("::ffff:")) {
            a = a.substring(7);
        }
        if (a.equals("*") || a.equals("0.0.0.0") || a.equals("::")) {
            return Scope.ALL_INTERFACES;
        }
        if (a.startsWith("127.") || a.equals("::1") || a.equals("0:0:0:0:0:0:0:1")) {
            return Scope.LOOPBACK;
        }
        return Scope.ADDRESS;
    }

    private static String cut(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
