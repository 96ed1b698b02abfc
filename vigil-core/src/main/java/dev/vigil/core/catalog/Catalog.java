package dev.vigil.core.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.vigil.core.json.ReportCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The control catalog: every control Vigil knows, in a stable order. Bundled as JSON in this module. */
public final class Catalog {

    /** Classpath location of the bundled catalog. */
    public static final String RESOURCE = "/dev/vigil/core/catalog.json";

    private static volatile Catalog bundled;

    private final Map<String, CatalogEntry> entries;

    private Catalog(List<CatalogEntry> list) {
        Map<String, CatalogEntry> byId = new LinkedHashMap<>();
        for (CatalogEntry e : list) {
            if (byId.putIfAbsent(e.id(), e) != null) {
                throw new IllegalArgumentException("control " + e.id() + " appears twice in the catalog");
            }
        }
        this.entries = java.util.Collections.unmodifiableMap(byId);
    }

    /** A catalog of the given entries; ids must be unique. */
    public static Catalog of(List<CatalogEntry> entries) {
        return new Catalog(entries);
    }

    /** The catalog bundled with this version of Vigil. */
    public static Catalog bundled() {
        Catalog c = bundled;
        if (c == null) {
            synchronized (Catalog.class) {
                c = bundled;
                if (c == null) {
                    c = bundled = load();
                }
            }
        }
        return c;
    }

    /** Parses catalog JSON (an array of entries). */
    public static Catalog parse(InputStream json) throws IOException {
        List<CatalogEntry> list = ReportCodec.instance().mapper().readValue(json, new TypeReference<List<CatalogEntry>>() { });
        return new Catalog(list);
    }

    private static Catalog load() {
        try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled catalog " + RESOURCE + " is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled catalog " + RESOURCE + " is unreadable", e);
        }
    }

    /** All entries, in catalog order. */
    public List<CatalogEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** The entry for a control id. */
    public Optional<CatalogEntry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** The entry for a control id, or an exception naming the unknown id. */
    public CatalogEntry require(String id) {
        CatalogEntry e = entries.get(id);
        if (e == null) {
            throw new IllegalArgumentException("control '" + id + "' is not in the catalog");
        }
        return e;
    }

    /** Whether the catalog holds this control id. */
    public boolean contains(String id) {
        return entries.containsKey(id);
    }
}
