package dev.vigil.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The schema as numbered migrations, applied in order, each in its own transaction, and recorded in
 * {@code schema_version}. Never edit a released migration: append a new one.
 *
 * <p>Beyond the columns the design names: {@code catalog.position} keeps catalog order, {@code tokens.last4}
 * lets a token list tell tokens apart without storing them, an index serves history in its order, and a trigger
 * keeps reports append-only.
 */
final class Schema {

    record Migration(int version, List<String> statements) {
        Migration {
            statements = List.copyOf(statements);
        }
    }

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, List.of(
                    """
                    CREATE TABLE reports (
                        seq INTEGER PRIMARY KEY,
                        report_id TEXT NOT NULL UNIQUE,
                        host_id TEXT NOT NULL,
                        received_at TEXT NOT NULL,
                        started_at TEXT NOT NULL,
                        finished_at TEXT NOT NULL,
                        score INTEGER NOT NULL,
                        body BLOB NOT NULL)""",
                    "CREATE INDEX reports_host_history ON reports (host_id, finished_at, seq)",
                    """
                    CREATE TRIGGER reports_append_only BEFORE UPDATE ON reports
                    BEGIN SELECT RAISE(ABORT, 'reports are append-only'); END""",
                    """
                    CREATE TABLE latest (
                        host_id TEXT PRIMARY KEY,
                        seq INTEGER NOT NULL REFERENCES reports (seq))""",
                    """
                    CREATE TABLE catalog (
                        id TEXT PRIMARY KEY,
                        position INTEGER NOT NULL,
                        body TEXT NOT NULL)""",
                    """
                    CREATE TABLE tokens (
                        id TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        scope TEXT NOT NULL,
                        hash BLOB NOT NULL UNIQUE,
                        last4 TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        revoked_at TEXT)""")),
            // the fleet view's part of each host's latest report (ReportDigest); superseded by version 3
            new Migration(2, List.of("ALTER TABLE latest ADD COLUMN digest BLOB")),
            // the digest of every report, so regressions against any earlier report read it too (none for reports
            // written before: they are read from their full body). A table of its own: a column after the body would
            // make every read of it walk the body's overflow pages
            new Migration(3, List.of(
                    """
                    CREATE TABLE digests (
                        seq INTEGER PRIMARY KEY REFERENCES reports (seq),
                        digest BLOB NOT NULL)""",
                    "ALTER TABLE latest DROP COLUMN digest")),
            // history and each report's previous ordered as the fleet view picks the latest (finish time, then report
            // id) instead of by arrival on a tie
            new Migration(4, List.of(
                    "CREATE INDEX reports_host_order ON reports (host_id, finished_at, report_id)",
                    "DROP INDEX reports_host_history"))
    );

    static final int CURRENT = MIGRATIONS.getLast().version();

    private Schema() {
    }

    /** Brings the database up to {@link #CURRENT}; returns the version it found (0 for a new database). */
    static int migrate(Connection c, Instant now) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
        }
        int found = version(c);
        if (found > CURRENT) {
            throw new StoreException("store schema version " + found + " is newer than this Vigil supports ("
                    + CURRENT + "); upgrade Vigil or use another data folder");
        }
        for (Migration m : MIGRATIONS) {
            if (m.version() > found) {
                apply(c, m, now);
            }
        }
        return found;
    }

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void apply(Connection c, Migration m, Instant now) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                for (String sql : m.statements()) {
                    s.execute(sql);
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)")) {
                    p.setInt(1, m.version());
                    p.setString(2, SqlTime.format(now));
                    p.executeUpdate();
                }
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }
}
