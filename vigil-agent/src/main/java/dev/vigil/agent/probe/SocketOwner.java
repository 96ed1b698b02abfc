package dev.vigil.agent.probe;

import java.util.Objects;

/** The process that holds a socket. */
public record SocketOwner(long pid, String name) {
    public SocketOwner {
        Objects.requireNonNull(name, "name");
    }
}
