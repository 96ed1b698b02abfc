package dev.vigil.agent.check.network.linux;

import java.util.Objects;

/**
 * A listening TCP socket.
 *
 * @param family  {@code ipv4} or {@code ipv6}, from which file it came
 * @param address the bound address in its usual text form ({@code 0.0.0.0}, {@code ::1}, {@code ::ffff:127.0.0.1})
 * @param port    the bound port
 * @param scope   whether it is reachable from loopback only, any interface, or one address
 * @param inode   the socket inode, to find the owning process
 */
record Listener(String family, String address, int port, Scope scope, long inode) {

    /** Where a listener can be reached from. */
    enum Scope {
        LOOPBACK("loopback"),
        ALL_INTERFACES("all interfaces"),
        ADDRESS("one address");

        final String label;

        Scope(String label) {
            this.label = label;
        }
    }

    Listener {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(scope, "scope");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Reachable from beyond this host. */
    boolean exposed() {
        return scope != Scope.LOOPBACK;
    }
}
