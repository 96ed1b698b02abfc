package dev.vigil.server.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What opening a store did. A {@link Kind#RECOVERED} outcome must be logged loudly and shown on {@code /readyz}:
 * the previous data is no longer being served (it was moved aside, never deleted).
 *
 * @param kind       what happened
 * @param message    one or two sentences for the log, naming files and causes
 * @param movedAside the damaged files that were renamed, empty unless recovered
 */
public record OpenOutcome(Kind kind, String message, List<Path> movedAside) {

    /** How the store came to be open. */
    public enum Kind {
        /** An existing healthy store. */
        OPENED,
        /** No store existed: a fresh one was created and seeded with the bundled catalog. */
        CREATED,
        /** The store could not be opened or failed its integrity check: moved aside, a fresh one started. */
        RECOVERED
    }

    public OpenOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        movedAside = List.copyOf(movedAside);
    }
}
