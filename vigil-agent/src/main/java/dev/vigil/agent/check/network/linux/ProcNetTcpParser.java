package dev.vigil.agent.check.network.linux;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.network.Listener;
import dev.vigil.agent.check.network.Listener.Scope;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the listening sockets from {@code /proc/net/tcp} or {@code /proc/net/tcp6}.
 *
 * <p>Format: a header line starting with {@code sl}, then one row per socket:
 * {@code "  0: 0100007F:0277 00000000:0000 0A … uid timeout inode …"}. The local address is hex: the
 * kernel prints each 32-bit word of the address in the host's byte order (so {@code 0100007F} is
 * 127.0.0.1 on a little-endian machine), the port in plain hex. State {@code 0A} is LISTEN. Rows in
 * other states are skipped; a row that starts like a socket row but cannot be read is an error, since
 * a truncated file would otherwise hide listeners.
 */
final class ProcNetTcpParser {

    private static final String LISTEN = "0A";

    private ProcNetTcpParser() {
    }

    /**
     * @param family {@code ipv4} for {@code /proc/net/tcp}, {@code ipv6} for {@code /proc/net/tcp6}
     * @param order  the byte order of the machine that wrote the file
     */
    static List<Socket> parse(String text, String family, ByteOrder order) throws ParseException {
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().startsWith("sl")) {
            throw new ParseException("expected the header line `sl local_address rem_address st …` of /proc/net/tcp");
        }
        int hexDigits = family.equals("ipv4") ? 8 : 32;
        List<Socket> listeners = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (!f[0].matches("\\d+:")) {
                continue;
            }
            if (f.length < 10) {
                throw new ParseException("expected at least 10 fields in /proc/net/tcp row " + (i + 1) + ", got " + f.length + ": " + line);
            }
            if (!f[3].equalsIgnoreCase(LISTEN)) {
                continue;
            }
            listeners.add(row(f, family, hexDigits, order, i + 1));
        }
        return List.copyOf(listeners);
    }

    private static Socket row(String[] f, String family, int hexDigits, ByteOrder order, int lineNo) throws ParseException {
        String local = f[1];
        int colon = local.indexOf(':');
        if (colon != hexDigits || !local.matches("[0-9A-Fa-f]{" + hexDigits + "}:[0-9A-Fa-f]{4}") || !f[9].matches("\\d{1,18}")) {
            throw new ParseException("expected a local address of " + hexDigits + " hex digits, a 4-digit hex port and a decimal inode on row "
                    + lineNo + ", got '" + local + "' and inode '" + f[9] + "'");
        }
        try {
            byte[] addr = address(local.substring(0, colon), order);
            int port = Integer.parseInt(local.substring(colon + 1), 16);
            long inode = Long.parseLong(f[9]);
            return new Socket(Listener.unowned(family, InetText.format(addr), port, scope(addr)), inode);
        } catch (NumberFormatException e) {
            throw new ParseException("expected hex address, hex port and decimal inode on row " + lineNo + ": " + String.join(" ", f), e);
        }
    }

    /** Each 32-bit word is printed in host byte order; turn the words back into network order. */
    private static byte[] address(String hex, ByteOrder order) {
        byte[] out = new byte[hex.length() / 2];
        for (int word = 0; word < out.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int src = word * 8 + b * 2;
                int value = Integer.parseInt(hex.substring(src, src + 2), 16);
                int dst = order == ByteOrder.LITTLE_ENDIAN ? word * 4 + (3 - b) : word * 4 + b;
                out[dst] = (byte) value;
            }
        }
        return out;
    }

    static Scope scope(byte[] a) {
        if (a.length == 4) {
            return a[0] == 127 ? Scope.LOOPBACK : allZero(a, 0, 4) ? Scope.ALL_INTERFACES : Scope.ADDRESS;
        }
        if (allZero(a, 0, 16)) {
            return Scope.ALL_INTERFACES;
        }
        if (allZero(a, 0, 15) && a[15] == 1) {
            return Scope.LOOPBACK;
        }
        boolean mapped = allZero(a, 0, 10) && a[10] == (byte) 0xff && a[11] == (byte) 0xff;
        if (mapped) {
            return a[12] == 127 ? Scope.LOOPBACK : allZero(a, 12, 16) ? Scope.ALL_INTERFACES : Scope.ADDRESS;
        }
        return Scope.ADDRESS;
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
