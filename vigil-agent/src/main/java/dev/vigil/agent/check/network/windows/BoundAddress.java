package dev.vigil.agent.check.network.windows;

import dev.vigil.agent.check.network.Listener;
import dev.vigil.agent.check.network.Listener.Scope;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** A listener from an address as Windows prints it ({@code 0.0.0.0}, {@code ::}, {@code 127.0.0.1}, {@code fe80::1%7}). */
final class BoundAddress {

    private BoundAddress() {
    }

    /**
     * @param pid     the owning process id; negative when the source did not give one
     * @param process the owning process's name, when the source gives it
     * @throws IllegalArgumentException for a blank address or a port out of range
     */
    static Listener listener(String address, int port, long pid, Optional<String> process) {
        return new Listener(family(address), address, port, scope(address), pid >= 0 ? OptionalLong.of(pid) : OptionalLong.empty(), process);
    }

    /** {@code ipv6} when the address has a colon, else {@code ipv4}. */
    static String family(String address) {
        return address.contains(":") ? "ipv6" : "ipv4";
    }

    /** Loopback is 127.0.0.0/8, ::1 and their IPv4-mapped forms; the unspecified address means every interface. */
    static Scope scope(String address) {
        String a = address.toLowerCase(Locale.ROOT);
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        if (a.startsWith("::ffff:") && a.indexOf('.') > 0) {
            a = a.substring("::ffff:".length());
        }
        if (a.equals("0.0.0.0") || a.equals("::") || a.equals("0:0:0:0:0:0:0:0")) {
            return Scope.ALL_INTERFACES;
        }
        if (a.startsWith("127.") || a.equals("::1") || a.equals("0:0:0:0:0:0:0:1")) {
            return Scope.LOOPBACK;
        }
        return Scope.ADDRESS;
    }
}
