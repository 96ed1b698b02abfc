package dev.vigil.agent.check.network;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A listening TCP socket, as a platform's parser read it.
 *
 * @param family  {@code ipv4} or {@code ipv6} ({@code unknown} where the source does not say)
 * @param address the bound address in its usual text form ({@code 0.0.0.0}, {@code ::1}, {@code *} on macOS)
 * @param port    the bound port
 * @param scope   from where it can be reached, decided by the parser from the source's own spelling of the address
 * @param pid     the owning process, when the source gives it
 * @param process the owning process's name, when the source gives it
 */
public record Listener(String family, String address, int port, Scope scope, OptionalLong pid, Optional<String> process) {

    /** Where a listener can be reached from. */
    public enum Scope {
        LOOPBACK("loopback"),
        ALL_INTERFACES("all interfaces"),
        ADDRESS("one address");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        /** How the facts name it. */
        public String label() {
            return label;
        }
    }

    public Listener {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(process, "process");
        if (address.isBlank()) {
            throw new IllegalArgumentException("blank address");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** A listener whose owner the source does not give. */
    public static Listener unowned(String family, String address, int port, Scope scope) {
        return new Listener(family, address, port, scope, OptionalLong.empty(), Optional.empty());
    }

    /** The same socket, owned by process {@code pid} called {@code name}. */
    public Listener ownedBy(long pid, String name) {
        return new Listener(family, address, port, scope, OptionalLong.of(pid), Optional.of(name));
    }

    /** Reachable from beyond this host. */
    public boolean exposed() {
        return scope != Scope.LOOPBACK;
    }
}
