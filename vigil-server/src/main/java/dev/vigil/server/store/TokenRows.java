package dev.vigil.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for the tokens table; only hashes and last four characters are stored. */
final class TokenRows {

    private static final String COLUMNS = "id, name, scope, created_at, last4, revoked_at";

    private TokenRows() {
    }

    static NewToken create(Connection c, String name, Scope scope, Instant now) throws SQLException {
        String token = TokenSecrets.newToken();
        TokenInfo info = new TokenInfo(TokenSecrets.newId(), name, scope, now, TokenSecrets.last4(token), Optional.empty());
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO tokens (id, name, scope, hash, last4, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, info.id());
            p.setString(2, name);
            p.setString(3, scope.id());
            p.setBytes(4, TokenSecrets.hash(token));
            p.setString(5, info.last4());
            p.setString(6, SqlTime.format(now));
            p.executeUpdate();
        }
        return new NewToken(info, token);
    }

    static List<TokenInfo> list(Connection c) throws SQLException {
        List<TokenInfo> tokens = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM tokens ORDER BY created_at, id")) {
            while (rs.next()) {
                tokens.add(info(rs));
            }
        }
        return tokens;
    }

    static boolean revoke(Connection c, String id, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            p.setString(1, SqlTime.format(now));
            p.setString(2, id);
            return p.executeUpdate() > 0;
        }
    }

    /** An active token's hash, with what it authenticates as. */
    record Active(byte[] hash, TokenInfo info) {
    }

    static List<Active> active(Connection c) throws SQLException {
        List<Active> tokens = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + COLUMNS + ", hash FROM tokens WHERE revoked_at IS NULL")) {
            while (rs.next()) {
                tokens.add(new Active(rs.getBytes(7), info(rs)));
            }
        }
        return tokens;
    }

    /** SQLite's count of commits by other connections, as this connection sees it. */
    static long dataVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA data_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static TokenInfo info(ResultSet rs) throws SQLException {
        String revoked = rs.getString(6);
        return new TokenInfo(rs.getString(1), rs.getString(2), Scope.of(rs.getString(3)), SqlTime.parse(rs.getString(4)),
                rs.getString(5), Optional.ofNullable(revoked).map(SqlTime::parse));
    }
}
