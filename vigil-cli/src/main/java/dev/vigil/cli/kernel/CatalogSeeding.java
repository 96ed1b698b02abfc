package dev.vigil.cli.kernel;

import dev.vigil.cli.ExitCodes;
import dev.vigil.core.catalog.Catalog;
import dev.vigil.server.store.ReportStore;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Replaces a store's catalog with the bundled one and says what changed. */
final class CatalogSeeding {

    private CatalogSeeding() {
    }

    static int run(Path dataDir, PrintWriter out, PrintWriter err) {
        Catalog bundled = Catalog.bundled();
        try (ReportStore store = Stores.openOrCreate(dataDir, err)) {
            CatalogChanges changes = CatalogChanges.between(store.catalog().entries(), bundled.entries());
            if (changes.any()) {
                store.seedCatalog(bundled);
            }
            out.println("catalog in " + dataDir + ": " + changes + "; it holds the " + bundled.entries().size()
                    + " bundled controls");
            if (changes.any()) {
                out.println("a kernel already running on this folder serves the new catalog after its next restart");
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
