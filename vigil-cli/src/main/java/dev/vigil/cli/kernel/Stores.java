package dev.vigil.cli.kernel;

import dev.vigil.cli.UsageException;
import dev.vigil.server.store.SqliteReportStore;
import dev.vigil.server.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;

/**
 * Opens the store of a data folder for the commands that work on it directly (seed, token, list --data). A
 * kernel may be running on the same folder: SQLite's WAL mode lets both read, and writes wait their turn.
 */
final class Stores {

    private Stores() {
    }

    /** Opens the store, creating the folder and the store if they do not exist yet. */
    static SqliteReportStore openOrCreate(Path dataDir, PrintWriter err) {
        return open(dataDir, err);
    }

    /** Opens the store of an existing data folder; a missing folder is a usage error, not a new empty store. */
    static SqliteReportStore openExisting(Path dataDir, PrintWriter err) {
        if (!Files.isDirectory(dataDir)) {
            throw new UsageException("no data folder " + dataDir + " (vigil serve or vigil token create make one;"
                    + " --data names it)");
        }
        return open(dataDir, err);
    }

    /** A data folder that exists must be a folder; one that does not is created by the store. */
    static void checkFolder(Path dataDir) {
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new UsageException("--data " + dataDir + " is a file, not a folder");
        }
    }

    private static SqliteReportStore open(Path dataDir, PrintWriter err) {
        checkFolder(dataDir);
        SqliteReportStore store;
        try {
            store = SqliteReportStore.open(dataDir, InstantSource.system());
        } catch (StoreException e) {
            throw new UsageException(e.getMessage(), e);
        }
        StoreOutcomes.report(store.outcome(), err, true);
        return store;
    }
}
