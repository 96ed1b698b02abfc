package dev.vigil.agent.check.network.windows;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A listening TCP socket.
 *
 * @param address the bound address as Windows prints it ({@code 0.0.0.0}, {@code ::}, {@code 127.0.0.1}, {@code fe80::1%7})
 * @param port    the bound port
 * @param pid     the owning process id
 * @param process the owning process's name, when the source gives it
 */
record TcpListener(String address, int port, long pid, Optional<String> process) {

    TcpListener {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(process, "process");
        if (address.isBlank()) {
            throw new IllegalArgumentException("blank address");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Where a listener can be reached from. */
    enum Scope {
        LOOPBACK("loopback"), ALL_INTERFACES("all interfaces"), ADDRESS("one address");

        final String label;

        Scope(String label) {
            this.label = label;
        }
    }

    /** {@code ipv6} when the address has a colon, else {@code ipv4}. */
    String family() {
        return address.contains(":") ? "ipv6" : "ipv4";
    }

    /** Loopback is 127.0.0.0/8, ::1 and their IPv4-mapped forms; the unspecified address means every interface. */
    Scope scope() {
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

    boolean exposed() {
        return scope() != Scope.LOOPBACK;
    }
}
