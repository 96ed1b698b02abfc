package dev.vigil.server.store;

import dev.vigil.core.report.Host;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Severity;
import dev.vigil.core.report.Status;
import dev.vigil.core.testing.Reports;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** Reports for distinct hosts and times, a settable clock, and raw SQL on a store file. */
final class TestData {

    private TestData() {
    }

    /** A report of host {@code hostId} whose audit finished {@code minutes} after {@link Reports#T0}. */
    static Report report(String hostId, int minutes) {
        return report(hostId, minutes, Status.PASS);
    }

    static Report report(String hostId, int minutes, Status status) {
        Report base = Reports.report("host-" + hostId,
                Reports.finding("disk.encryption.system", status, Severity.HIGH),
                Reports.finding("firewall.enabled", Status.PASS, Severity.HIGH));
        Host host = new Host(hostId, base.host().hostname(), base.host().os(), base.host().arch());
        Instant finished = Reports.T0.plus(Duration.ofMinutes(minutes));
        UUID id = UUID.nameUUIDFromBytes((hostId + "/" + minutes + "/" + status).getBytes());
        return Report.of(id, host, base.agent(), finished.minusMillis(850), finished, base.elevated(), base.findings());
    }

    /** A clock the test moves. */
    static final class TestClock implements InstantSource {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-26T08:00:00Z"));

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }
    }

    static long count(Path dataDir, String sql) throws SQLException {
        try (Connection c = StoreFile.connect(dataDir.resolve(StoreFile.FILE_NAME));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
