package dev.vigil.server.fleet;

import java.util.Objects;

/** A control and the number of hosts whose latest report fails it. */
public record ControlFailures(String control, int failingHosts) {
    public ControlFailures {
        Objects.requireNonNull(control, "control");
    }
}
