package dev.vigil.cli.kernel;

import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.server.store.ReportStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The catalog a kernel's store holds, for {@code vigil list --data}. */
public final class StoredCatalog {

    private StoredCatalog() {
    }

    public static List<CatalogEntry> entries(Path dataDir, PrintWriter err) {
        try (ReportStore store = Stores.openExisting(dataDir, err)) {
            return store.catalog().entries();
        }
    }
}
