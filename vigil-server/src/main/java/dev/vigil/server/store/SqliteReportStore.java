package dev.vigil.server.store;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The embedded store: one SQLite file, {@value StoreFile#FILE_NAME}, in a data folder.
 *
 * <p>Writes go through a single writer thread that batches them into one transaction ({@link GroupCommitter});
 * reads share one separate connection, which WAL mode lets run beside the writer. Opening heals: an empty store
 * gets the bundled catalog, and a damaged file is moved aside for a fresh one (see {@link #outcome()}).
 */
public final class SqliteReportStore implements ReportStore {

    /** Default for the most writes committed in one transaction. */
    public static final int DEFAULT_MAX_BATCH = 256;

    private final Connection reader;
    private final ReentrantLock readLock = new ReentrantLock();
    private final GroupCommitter writer;
    private final Connection writeConnection;
    private final InstantSource clock;
    private final OpenOutcome outcome;
    private final TokenCache tokenCache;
    /** Control titles for digests, from the stored catalog; read once, and again after this store reseeds it. */
    private volatile Function<String, String> titles;
    private boolean closed; // guarded by readLock

    private SqliteReportStore(Connection writeConnection, Connection reader, InstantSource clock, int maxBatch,
                              CommitListener listener, OpenOutcome outcome) {
        this.writeConnection = writeConnection;
        this.reader = reader;
        this.clock = clock;
        this.writer = new GroupCommitter(writeConnection, maxBatch, listener);
        this.outcome = outcome;
        this.tokenCache = new TokenCache(new TokenCache.Source() {
            @Override
            public long version() {
                return read("check the tokens for changes", TokenRows::dataVersion);
            }

            @Override
            public List<TokenRows.Active> active() {
                return read("read the tokens", TokenRows::active);
            }
        }, System::nanoTime);
    }

    /** Opens (creating, seeding or healing as needed) the store in {@code dataDir}, with default settings. */
    public static SqliteReportStore open(Path dataDir, InstantSource clock) {
        return open(dataDir, clock, DEFAULT_MAX_BATCH);
    }

    /**
     * Opens the store in {@code dataDir}, creating the folder if needed.
     *
     * @param clock    the source of received, created and revoked times
     * @param maxBatch the most writes committed in one transaction
     * @throws StoreException when the store cannot be opened for a reason other than damage (e.g. permissions),
     *                        or its schema is newer than this version supports
     */
    public static SqliteReportStore open(Path dataDir, InstantSource clock, int maxBatch) {
        return open(dataDir, clock, maxBatch, CommitListener.NONE);
    }

    /**
     * Opens the store in {@code dataDir} as {@link #open(Path, InstantSource, int)} does, telling {@code listener}
     * about every batch the writer commits.
     */
    public static SqliteReportStore open(Path dataDir, InstantSource clock, int maxBatch, CommitListener listener) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(listener, "listener");
        Path db = dataDir.resolve(StoreFile.FILE_NAME);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
        }
        List<Path> moved = List.of();
        String damage = null;
        StoreFile.Opened opened;
        try {
            opened = StoreFile.openChecked(db, clock.instant());
        } catch (StoreFile.DamagedException e) {
            damage = e.getMessage();
            moved = StoreFile.moveAside(db, clock.instant());
            try {
                opened = StoreFile.openChecked(db, clock.instant());
            } catch (StoreFile.DamagedException again) {
                throw new StoreException("a fresh store at " + db + " is damaged too: " + again.getMessage(), again);
            }
        }
        Connection reader = null;
        try {
            reader = StoreFile.connect(db);
            int seeded = CatalogRows.isEmpty(opened.connection()) ? seed(opened.connection()) : 0;
            OpenOutcome outcome = outcome(db, opened.foundVersion(), seeded, damage, moved);
            return new SqliteReportStore(opened.connection(), reader, clock, maxBatch, listener, outcome);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(reader);
            closeQuietly(opened.connection());
            throw new StoreException("cannot open the store " + db + ": " + e.getMessage(), e);
        }
    }

    private static int seed(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                int n = CatalogRows.replace(c, Catalog.bundled());
                s.execute("COMMIT");
                return n;
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private static OpenOutcome outcome(Path db, int foundVersion, int seeded, String damage, List<Path> moved) {
        String seededText = seeded > 0 ? "; seeded the catalog with the " + seeded + " bundled controls" : "";
        if (damage != null) {
            return new OpenOutcome(OpenOutcome.Kind.RECOVERED, "STORE DAMAGED: " + db + " failed to open or its"
                    + " integrity check (" + damage + "). Moved it aside to " + moved + " (nothing deleted) and started"
                    + " a fresh store" + seededText + ". Reports in the damaged file are not served.", moved);
        }
        if (foundVersion == 0) {
            return new OpenOutcome(OpenOutcome.Kind.CREATED, "created a new store at " + db + " (schema version "
                    + Schema.CURRENT + ")" + seededText, List.of());
        }
        String migrated = foundVersion < Schema.CURRENT
                ? ", migrated from version " + foundVersion : "";
        return new OpenOutcome(OpenOutcome.Kind.OPENED, "opened the store at " + db + " (schema version "
                + Schema.CURRENT + migrated + ")" + seededText, List.of());
    }

    @Override
    public OpenOutcome outcome() {
        return outcome;
    }

    @Override
    public IngestResult ingestGzipped(Report report, byte[] gzipJson) {
        ReportRows.Incoming incoming = ReportRows.Incoming.of(report, gzipJson);
        return writer.submit(s -> ReportRows.insert(s, incoming, clock.instant()));
    }

    @Override
    public Optional<StoredReport> report(UUID reportId) {
        return read("read report " + reportId, c -> ReportRows.report(c, reportId));
    }

    @Override
    public HistoryPage history(String hostId, int limit, Optional<String> cursor) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit " + limit + " is outside 1.." + MAX_PAGE);
        }
        Optional<HistoryCursor> after = cursor.map(HistoryCursor::decode);
        return read("read history of host " + hostId, c -> ReportRows.history(c, hostId, limit, after));
    }

    /**
     * Streams every host's latest report, whole, to {@code sink}, in no particular order, without holding them all
     * in memory. The kernel rebuilds from {@link #latestDigests}; this is what the digests are checked against.
     */
    void latest(Consumer<? super StoredReport> sink) {
        read("read latest reports", c -> {
            ReportRows.latest(c, sink);
            return null;
        });
    }

    @Override
    public void latestDigests(Consumer<? super Report> sink) {
        Function<String, String> titles = titles();
        read("read latest report digests", c -> {
            ReportRows.latestDigests(c, titles, sink);
            return null;
        });
    }

    @Override
    public Optional<Report> digest(UUID reportId) {
        Function<String, String> titles = titles();
        return read("read the digest of report " + reportId, c -> ReportRows.digest(c, reportId, titles));
    }

    private Function<String, String> titles() {
        Function<String, String> t = titles;
        if (t == null) {
            Catalog catalog = catalog();
            t = id -> catalog.find(id).map(CatalogEntry::title).orElse("");
            titles = t;
        }
        return t;
    }

    @Override
    public void seedCatalog(Catalog catalog) {
        writer.submit(s -> CatalogRows.replace(s.connection(), catalog));
        titles = null;
    }

    @Override
    public Catalog catalog() {
        return read("read the catalog", CatalogRows::read);
    }

    @Override
    public NewToken createToken(String name, Scope scope) {
        Objects.requireNonNull(scope, "scope");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a token needs a name saying what it is for");
        }
        NewToken created = writer.submit(s -> TokenRows.create(s.connection(), name, scope, clock.instant()));
        tokenCache.invalidate();
        return created;
    }

    @Override
    public List<TokenInfo> tokens() {
        return read("list tokens", TokenRows::list);
    }

    @Override
    public boolean revokeToken(String id) {
        boolean revoked = writer.submit(s -> TokenRows.revoke(s.connection(), id, clock.instant()));
        tokenCache.invalidate();
        return revoked;
    }

    @Override
    public Optional<TokenInfo> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        return tokenCache.find(TokenSecrets.hash(presented));
    }

    @Override
    public ProcessToken processToken(Scope scope) {
        String token = TokenSecrets.newToken();
        byte[] hash = TokenSecrets.hash(token);
        TokenInfo info = new TokenInfo("process-" + TokenSecrets.newId(), "in-process", scope, clock.instant(),
                TokenSecrets.last4(token), Optional.empty());
        tokenCache.addProcessToken(new TokenRows.Active(hash, info));
        return new ProcessToken(token, () -> tokenCache.removeProcessToken(hash));
    }

    /** The writer, for tests that hold it still to observe batching. */
    GroupCommitter writer() {
        return writer;
    }

    @Override
    public void close() {
        writer.close();
        readLock.lock();
        try {
            closed = true;
            closeQuietly(reader);
            closeQuietly(writeConnection);
        } finally {
            readLock.unlock();
        }
    }

    @FunctionalInterface
    private interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(String what, Read<T> read) {
        readLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the store is closed");
            }
            return read.run(reader);
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
        } finally {
            readLock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing during shutdown or after a failed open: nothing left to save
            }
        }
    }
}
