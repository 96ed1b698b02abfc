package dev.vigil.agent;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What to audit and how long to wait.
 *
 * @param timeout deadline for every check (all run at once)
 * @param only    control ids or domains to run; empty means all
 * @param skip    control ids or domains to leave out
 */
public record AuditOptions(Duration timeout, Set<String> only, Set<String> skip) {

    /** The default per-check deadline. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public AuditOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        only = Set.copyOf(only);
        skip = Set.copyOf(skip);
    }

    public static AuditOptions defaults() {
        return new AuditOptions(DEFAULT_TIMEOUT, Set.of(), Set.of());
    }
}
