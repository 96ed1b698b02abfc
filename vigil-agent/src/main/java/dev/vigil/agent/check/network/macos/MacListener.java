package dev.vigil.agent.check.network.macos;

import java.util.Objects;

/**
 * A listening TCP socket as lsof names it.
 *
 * @param pid     the owning process
 * @param command the process's command name (lsof's {@code c} field)
 * @param family  {@code ipv4}, {@code ipv6}, or {@code unknown} when lsof gave no type
 * @param address the bound address without brackets; {@code *} for every interface
 * @param port    the bound port
 * @param scope   from where it can be reached
 */
record MacListener(long pid, String command, String family, String address, int port, Scope scope) {

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

    MacListener {
        Objects.requireNonNull(command, "command");
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
