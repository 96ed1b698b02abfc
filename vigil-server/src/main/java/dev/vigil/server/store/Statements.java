package dev.vigil.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * One connection's prepared statements, each prepared on its first use and kept: the group committer runs the same
 * few statements for every report, and preparing (parsing and planning) them anew each time was a good part of the
 * writer's work. Not thread-safe: for the one thread that uses the connection.
 *
 * <p>A statement taken from here is not closed by its user (its result sets are). After a statement failed,
 * sqlite-jdbc may have finalized it underneath, so the owner calls {@link #forget()} whenever a write fails.
 */
final class Statements implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    Statements(Connection connection) {
        this.connection = connection;
    }

    /** The connection, for work that runs statements of its own (catalog, tokens: rare writes). */
    Connection connection() {
        return connection;
    }

    /** The statement for this SQL, prepared once, with its parameters cleared. */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement p = prepared.get(sql);
        if (p == null) {
            p = connection.prepareStatement(sql);
            prepared.put(sql, p);
        } else {
            p.clearParameters();
        }
        return p;
    }

    /** Closes every kept statement; the next {@link #prepare} of each prepares it again. */
    void forget() {
        for (PreparedStatement p : prepared.values()) {
            try {
                p.close();
            } catch (SQLException ignored) {
                // a statement that cannot be closed is dropped all the same; the connection still owns it
            }
        }
        prepared.clear();
    }

    @Override
    public void close() {
        forget();
    }
}
