package dev.vigil.server.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The result of ingesting a report; a retry of the same report id gets the same values with kind DUPLICATE.
 *
 * @param kind       whether this call stored the report or found it already stored
 * @param seq        the report's position in the append-only log
 * @param reportId   the report id
 * @param hostId     the host it describes
 * @param receivedAt when the store first received it
 * @param score      the report's score
 * @param previous   the host's report just before this one (by finish time, then report id), to compute regressions
 *                   against
 */
public record IngestResult(Kind kind, long seq, UUID reportId, String hostId, Instant receivedAt, int score,
                           Optional<UUID> previous) {

    /** Whether the report was stored by this call. */
    public enum Kind { STORED, DUPLICATE }

    public IngestResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reportId, "report_id");
        Objects.requireNonNull(hostId, "host_id");
        Objects.requireNonNull(receivedAt, "received_at");
        Objects.requireNonNull(previous, "previous");
    }

    /** This result as a retry sees it. */
    IngestResult asDuplicate() {
        return new IngestResult(Kind.DUPLICATE, seq, reportId, hostId, receivedAt, score, previous);
    }
}
