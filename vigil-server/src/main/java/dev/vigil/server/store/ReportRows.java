package dev.vigil.server.store;

import dev.vigil.core.json.ReportCodec;
import dev.vigil.core.report.Report;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * SQL for the reports and latest tables. History order, and so "latest", is by audit finish time, then by
 * arrival: a report delivered late from an agent's outbox takes its place in the history instead of
 * replacing a newer one as the host's latest.
 */
final class ReportRows {

    private static final String ENTRY_COLUMNS = "seq, report_id, host_id, received_at, started_at, finished_at, score";

    private ReportRows() {
    }

    /** A report ready for the writer: compressed and digested on the caller's thread, so the writer only writes. */
    record Incoming(UUID reportId, String hostId, Instant startedAt, Instant finishedAt, int score, byte[] gzipBody,
                    byte[] digest) {
        static Incoming of(Report report, byte[] gzipJson) {
            return new Incoming(report.reportId(), report.host().id(), report.startedAt(), report.finishedAt(),
                    report.summary().score(), gzipJson, ReportDigest.encode(report).orElse(null));
        }
    }

    private static final String INSERT_REPORT = """
            INSERT INTO reports (report_id, host_id, received_at, started_at, finished_at, score, body)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (report_id) DO NOTHING""";
    private static final String LAST_SEQ = "SELECT last_insert_rowid()";
    private static final String INSERT_DIGEST = "INSERT INTO digests (seq, digest) VALUES (?, ?)";
    // the fleet view's rule (FleetState.newer): later finish wins, a tie goes to the greater report id, so a restarted
    // kernel rebuilds the very view it served before, whatever order the reports arrived in
    private static final String UPSERT_LATEST = """
            INSERT INTO latest (host_id, seq) VALUES (?1, ?2)
            ON CONFLICT (host_id) DO UPDATE SET seq = excluded.seq
            WHERE (SELECT finished_at < ?3 OR (finished_at = ?3 AND report_id < ?4)
                   FROM reports WHERE seq = latest.seq)""";
    // history and "previous" go by the same rule, so the newest of a host's history is its latest and a report's
    // previous is the one just below it there, whatever order the reports arrived in
    private static final String PREVIOUS = """
            SELECT report_id FROM reports
            WHERE host_id = ?1 AND (finished_at < ?2 OR (finished_at = ?2 AND report_id < ?3))
            ORDER BY finished_at DESC, report_id DESC LIMIT 1""";

    /** Stores one report on the writer's connection, with the writer's kept statements. */
    static IngestResult insert(Statements s, Incoming in, Instant receivedAt) throws SQLException {
        String reportId = in.reportId().toString();
        String finishedAt = SqlTime.format(in.finishedAt());
        PreparedStatement insert = s.prepare(INSERT_REPORT);
        insert.setString(1, reportId);
        insert.setString(2, in.hostId());
        insert.setString(3, SqlTime.format(receivedAt));
        insert.setString(4, SqlTime.format(in.startedAt()));
        insert.setString(5, finishedAt);
        insert.setInt(6, in.score());
        insert.setBytes(7, in.gzipBody());
        if (insert.executeUpdate() == 0) {
            ReportEntry existing = entry(s.connection(), in.reportId())
                    .orElseThrow(() -> new SQLException("report " + in.reportId() + " conflicted but is not stored"));
            return result(s, IngestResult.Kind.DUPLICATE, existing, SqlTime.format(existing.finishedAt()));
        }
        long seq;
        try (ResultSet rs = s.prepare(LAST_SEQ).executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
        }
        if (in.digest() != null) {
            PreparedStatement digest = s.prepare(INSERT_DIGEST);
            digest.setLong(1, seq);
            digest.setBytes(2, in.digest());
            digest.executeUpdate();
        }
        PreparedStatement latest = s.prepare(UPSERT_LATEST);
        latest.setString(1, in.hostId());
        latest.setLong(2, seq);
        latest.setString(3, finishedAt);
        latest.setString(4, reportId);
        latest.executeUpdate();
        ReportEntry entry = new ReportEntry(seq, in.reportId(), in.hostId(), receivedAt, in.startedAt(),
                in.finishedAt(), in.score());
        return result(s, IngestResult.Kind.STORED, entry, finishedAt);
    }

    private static IngestResult result(Statements s, IngestResult.Kind kind, ReportEntry e, String finishedAt)
            throws SQLException {
        return new IngestResult(kind, e.seq(), e.reportId(), e.hostId(), e.receivedAt(), e.score(),
                previous(s, e, finishedAt));
    }

    private static Optional<UUID> previous(Statements s, ReportEntry e, String finishedAt) throws SQLException {
        PreparedStatement p = s.prepare(PREVIOUS);
        p.setString(1, e.hostId());
        p.setString(2, finishedAt);
        p.setString(3, e.reportId().toString());
        try (ResultSet rs = p.executeQuery()) {
            return rs.next() ? Optional.of(UUID.fromString(rs.getString(1))) : Optional.empty();
        }
    }

    static Optional<ReportEntry> entry(Connection c, UUID reportId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM reports WHERE report_id = ?")) {
            p.setString(1, reportId.toString());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        }
    }

    static Optional<StoredReport> report(Connection c, UUID reportId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + ENTRY_COLUMNS + ", body FROM reports WHERE report_id = ?")) {
            p.setString(1, reportId.toString());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(stored(rs)) : Optional.empty();
            }
        }
    }

    static HistoryPage history(Connection c, String hostId, int limit, Optional<HistoryCursor> after) throws SQLException {
        String sql = "SELECT " + ENTRY_COLUMNS + " FROM reports WHERE host_id = ?"
                + (after.isPresent() ? " AND (finished_at < ? OR (finished_at = ? AND report_id < ?))" : "")
                + " ORDER BY finished_at DESC, report_id DESC LIMIT ?";
        List<ReportEntry> entries = new ArrayList<>(Math.min(limit + 1, 64));
        try (PreparedStatement p = c.prepareStatement(sql)) {
            int i = 1;
            p.setString(i++, hostId);
            if (after.isPresent()) {
                String at = SqlTime.format(after.get().finishedAt());
                p.setString(i++, at);
                p.setString(i++, at);
                p.setString(i++, after.get().reportId().toString());
            }
            p.setInt(i, limit + 1);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
        }
        if (entries.size() <= limit) {
            return new HistoryPage(entries, Optional.empty());
        }
        List<ReportEntry> page = entries.subList(0, limit);
        ReportEntry last = page.getLast();
        return new HistoryPage(page, Optional.of(new HistoryCursor(last.finishedAt(), last.reportId()).encode()));
    }

    static void latest(Connection c, Consumer<? super StoredReport> sink) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT r.seq, r.report_id, r.host_id, r.received_at, r.started_at,"
                     + " r.finished_at, r.score, r.body FROM latest l JOIN reports r ON r.seq = l.seq")) {
            while (rs.next()) {
                sink.accept(stored(rs));
            }
        }
    }

    /**
     * Every host's latest report as the fleet view needs it: decoded from its digest, or from the full report
     * where the row has none (written before digests existed, or too long for one).
     */
    static void latestDigests(Connection c, Function<String, String> titleOf, Consumer<? super Report> sink)
            throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT r.report_id, d.digest, CASE WHEN d.digest IS NULL THEN r.body END"
                     + " FROM latest l JOIN reports r ON r.seq = l.seq LEFT JOIN digests d ON d.seq = l.seq")) {
            while (rs.next()) {
                sink.accept(digestOrFull(rs, titleOf));
            }
        }
    }

    /** One report in digest form (see {@link #latestDigests}), if stored. */
    static Optional<Report> digest(Connection c, UUID reportId, Function<String, String> titleOf) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT r.report_id, d.digest, CASE WHEN d.digest IS NULL THEN r.body END"
                        + " FROM reports r LEFT JOIN digests d ON d.seq = r.seq WHERE r.report_id = ?")) {
            p.setString(1, reportId.toString());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(digestOrFull(rs, titleOf)) : Optional.empty();
            }
        }
    }

    /** Columns: report id, digest, and the compressed body where the digest is NULL. */
    private static Report digestOrFull(ResultSet rs, Function<String, String> titleOf) throws SQLException {
        byte[] digest = rs.getBytes(2);
        if (digest == null) {
            return ReportCodec.instance().read(Gzip.decompress(rs.getBytes(3)));
        }
        try {
            return ReportDigest.decode(digest, titleOf);
        } catch (IllegalArgumentException damaged) {
            throw new SQLException("the digest of report " + rs.getString(1) + " is damaged: " + damaged.getMessage(),
                    damaged);
        }
    }

    private static ReportEntry entry(ResultSet rs) throws SQLException {
        return new ReportEntry(rs.getLong(1), UUID.fromString(rs.getString(2)), rs.getString(3),
                SqlTime.parse(rs.getString(4)), SqlTime.parse(rs.getString(5)), SqlTime.parse(rs.getString(6)),
                rs.getInt(7));
    }

    private static StoredReport stored(ResultSet rs) throws SQLException {
        return new StoredReport(entry(rs), new String(Gzip.decompress(rs.getBytes(8)), StandardCharsets.UTF_8));
    }
}
