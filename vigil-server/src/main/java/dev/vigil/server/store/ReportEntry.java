package dev.vigil.server.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored report's metadata, without its body.
 *
 * @param seq        position in the append-only log
 * @param reportId   the report id
 * @param hostId     the host it describes
 * @param receivedAt when the store received it
 * @param startedAt  when the audit started
 * @param finishedAt when the audit finished
 * @param score      the report's score
 */
public record ReportEntry(long seq, UUID reportId, String hostId, Instant receivedAt, Instant startedAt,
                          Instant finishedAt, int score) {
    public ReportEntry {
        Objects.requireNonNull(reportId, "report_id");
        Objects.requireNonNull(hostId, "host_id");
        Objects.requireNonNull(receivedAt, "received_at");
        Objects.requireNonNull(startedAt, "started_at");
        Objects.requireNonNull(finishedAt, "finished_at");
    }
}
