package dev.vigil.server.fleet;

import dev.vigil.core.report.OsInfo;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One host as the fleet sees it, from its latest report.
 *
 * @param hostId   the stable host id
 * @param hostname the host name in the latest report
 * @param os       OS family, name and version
 * @param lastSeen the latest report's {@code finished_at}
 * @param reportId the latest report's id
 * @param score    the latest report's score (0..100)
 * @param status   overall posture (see {@link HostStatus})
 * @param counts   the latest report's findings by status
 */
public record HostSummary(String hostId, String hostname, OsInfo os, Instant lastSeen, UUID reportId, int score,
                          HostStatus status, StatusCounts counts) {
    public HostSummary {
        Objects.requireNonNull(hostId, "host_id");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(lastSeen, "last_seen");
        Objects.requireNonNull(reportId, "report_id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(counts, "counts");
    }
}
