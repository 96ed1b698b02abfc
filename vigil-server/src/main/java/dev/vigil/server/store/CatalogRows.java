package dev.vigil.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.json.ReportCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** SQL for the catalog table: one row per control, its entry as JSON, in catalog order. */
final class CatalogRows {

    private CatalogRows() {
    }

    static int replace(Connection c, Catalog catalog) throws SQLException {
        ObjectMapper mapper = ReportCodec.instance().mapper();
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM catalog");
        }
        List<CatalogEntry> entries = catalog.entries();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO catalog (id, position, body) VALUES (?, ?, ?)")) {
            for (int i = 0; i < entries.size(); i++) {
                CatalogEntry e = entries.get(i);
                p.setString(1, e.id());
                p.setInt(2, i);
                p.setString(3, mapper.writeValueAsString(e));
                p.addBatch();
            }
            p.executeBatch();
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode catalog entry: " + e.getOriginalMessage(), e);
        }
        return entries.size();
    }

    static Catalog read(Connection c) throws SQLException {
        ObjectMapper mapper = ReportCodec.instance().mapper();
        List<CatalogEntry> entries = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, body FROM catalog ORDER BY position")) {
            while (rs.next()) {
                try {
                    entries.add(mapper.readValue(rs.getString(2), CatalogEntry.class));
                } catch (JsonProcessingException e) {
                    throw new StoreException("stored catalog entry " + rs.getString(1) + " is unreadable: " + e.getOriginalMessage(), e);
                }
            }
        }
        return Catalog.of(entries);
    }

    static boolean isEmpty(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM catalog)")) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
