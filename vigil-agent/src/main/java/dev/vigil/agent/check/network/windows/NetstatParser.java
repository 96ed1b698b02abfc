package dev.vigil.agent.check.network.windows;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.network.Listener;
import dev.vigil.agent.check.windows.Excerpt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code netstat -ano}: rows {@code TCP  0.0.0.0:135  0.0.0.0:0  LISTENING  1016}, IPv6 addresses in brackets
 * ({@code [::]:135}). The state column is in the display language of Windows ({@code ABHÖREN} in German): rows whose
 * state is not one of the English words are rejected with a message saying so, never guessed at.
 */
final class NetstatParser {

    private static final Pattern TCP_ROW = Pattern.compile("^TCP\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\d+)$");
    private static final Pattern ENDPOINT = Pattern.compile("^(?:\\[([0-9A-Fa-f:.%a-zA-Z]+)]|([0-9.]+)):(\\d{1,5})$");
    private static final Set<String> STATES = Set.of("LISTENING", "ESTABLISHED", "TIME_WAIT", "CLOSE_WAIT", "SYN_SENT", "SYN_RECEIVED",
            "FIN_WAIT_1", "FIN_WAIT_2", "LAST_ACK", "CLOSING", "CLOSED", "BOUND", "DELETE_TCB");

    private NetstatParser() {
    }

    static List<Listener> parse(String text) throws ParseException {
        List<Listener> out = new ArrayList<>();
        boolean sawTable = false;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("Proto ") || line.startsWith("UDP ")) {
                sawTable = true;
                continue;
            }
            if (!line.startsWith("TCP ")) {
                continue;
            }
            sawTable = true;
            Matcher m = TCP_ROW.matcher(line);
            if (!m.matches()) {
                throw new ParseException("expected 'TCP <local> <foreign> <state> <pid>' in netstat -ano output, got: " + Excerpt.oneLine(line));
            }
            String state = m.group(3);
            if (!STATES.contains(state)) {
                throw new ParseException("netstat output is in a language the parser does not know (state '" + state + "')");
            }
            if (!state.equals("LISTENING")) {
                continue;
            }
            Matcher e = ENDPOINT.matcher(m.group(1));
            if (!e.matches() || Integer.parseInt(e.group(3)) > 65535) {
                throw new ParseException("expected a local address such as 0.0.0.0:135 or [::]:135 in netstat -ano output, got: " + m.group(1));
            }
            String address = e.group(1) != null ? e.group(1) : e.group(2);
            long pid;
            try {
                pid = Long.parseLong(m.group(4));
            } catch (NumberFormatException x) {
                throw new ParseException("expected a process id in netstat -ano output, got: " + m.group(4), x);
            }
            out.add(BoundAddress.listener(address, Integer.parseInt(e.group(3)), pid, Optional.empty()));
        }
        if (!sawTable) {
            throw new ParseException("unrecognised output from `netstat -ano`, expected a table with a 'Proto' header and TCP rows, got: "
                    + Excerpt.oneLine(text));
        }
        return List.copyOf(out);
    }
}
