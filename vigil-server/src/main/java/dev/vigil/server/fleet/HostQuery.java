package dev.vigil.server.fleet;

import dev.vigil.core.report.OsFamily;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Which hosts to list, and which page. All filters must hold; an empty one does not filter.
 *
 * @param os      only hosts of this OS family
 * @param status  only hosts with this overall status
 * @param failing only hosts whose latest report FAILs this control id
 * @param q       only hosts whose hostname contains this text, ignoring case
 * @param stale   only hosts not seen for longer than this
 * @param limit   page size, 1..{@link #MAX_LIMIT}
 * @param cursor  the {@code next} cursor of the previous page; empty for the first page
 */
public record HostQuery(Optional<OsFamily> os, Optional<HostStatus> status, Optional<String> failing, Optional<String> q,
                        Optional<Duration> stale, int limit, Optional<String> cursor) {

    /** The largest page size. */
    public static final int MAX_LIMIT = 1000;

    /** The page size when none is given. */
    public static final int DEFAULT_LIMIT = 100;

    public HostQuery {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failing, "failing");
        q = Objects.requireNonNull(q, "q").filter(s -> !s.isEmpty());
        Objects.requireNonNull(stale, "stale");
        Objects.requireNonNull(cursor, "cursor");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit + " outside 1.." + MAX_LIMIT);
        }
        if (stale.isPresent() && stale.get().isNegative()) {
            throw new IllegalArgumentException("stale " + stale.get() + " is negative");
        }
    }

    /** All hosts, first page of {@link #DEFAULT_LIMIT}. */
    public static HostQuery all() {
        return new HostQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                DEFAULT_LIMIT, Optional.empty());
    }

    /** Only hosts of this OS family. */
    public HostQuery withOs(OsFamily value) {
        return new HostQuery(Optional.of(value), status, failing, q, stale, limit, cursor);
    }

    /** Only hosts with this overall status. */
    public HostQuery withStatus(HostStatus value) {
        return new HostQuery(os, Optional.of(value), failing, q, stale, limit, cursor);
    }

    /** Only hosts failing this control id. */
    public HostQuery withFailing(String control) {
        return new HostQuery(os, status, Optional.of(control), q, stale, limit, cursor);
    }

    /** Only hosts whose hostname contains this text, ignoring case. */
    public HostQuery withQ(String text) {
        return new HostQuery(os, status, failing, Optional.of(text), stale, limit, cursor);
    }

    /** Only hosts not seen for longer than this. */
    public HostQuery withStale(Duration value) {
        return new HostQuery(os, status, failing, q, Optional.of(value), limit, cursor);
    }

    /** Pages of this size. */
    public HostQuery withLimit(int value) {
        return new HostQuery(os, status, failing, q, stale, value, cursor);
    }

    /** The same query, at the page after the given cursor (empty: the first page). */
    public HostQuery withCursor(Optional<String> value) {
        return new HostQuery(os, status, failing, q, stale, limit, value);
    }
}
