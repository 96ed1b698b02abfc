package dev.vigil.server;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.report.Report;
import dev.vigil.server.fleet.FleetView;
import dev.vigil.server.http.HttpApi;
import dev.vigil.server.http.ServerPools;
import dev.vigil.server.metrics.FleetMetrics;
import dev.vigil.server.metrics.MetricsRegistry;
import dev.vigil.server.metrics.ProcessMetrics;
import dev.vigil.server.metrics.StoreMetrics;
import dev.vigil.server.store.NewToken;
import dev.vigil.server.store.OpenOutcome;
import dev.vigil.server.store.ReportStore;
import dev.vigil.server.store.Scope;
import dev.vigil.server.store.SqliteReportStore;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kernel: the store, the fleet view rebuilt from it, and the HTTP API over both, in one process.
 *
 * <pre>{@code
 * try (Kernel k = Kernel.start(KernelConfig.defaults(Path.of("vigil-data")).withPort(0))) {
 *     k.adminToken().ifPresent(t -> System.out.println(t.token()));   // first start only
 *     ...
 * }
 * }</pre>
 *
 * {@link #close} shuts down gracefully: stop accepting, finish in-flight requests, then close the store (which
 * commits queued writes).
 */
public final class Kernel implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Kernel.class.getName());

    /** The name of the admin token created on a first start. */
    public static final String FIRST_ADMIN_TOKEN_NAME = "admin (created on first start)";

    private final ReportStore store;
    private final HttpApi http;
    private final OpenOutcome outcome;
    private final Optional<NewToken> adminToken;
    private final int hosts;
    private boolean closed;

    private Kernel(ReportStore store, HttpApi http, Optional<NewToken> adminToken, int hosts) {
        this.store = store;
        this.http = http;
        this.outcome = store.outcome();
        this.adminToken = adminToken;
        this.hosts = hosts;
    }

    /**
     * Opens (or creates, or recovers) the store in the data folder, rebuilds the fleet view from every host's
     * latest report, creates an admin token if the store has no tokens at all, and starts serving.
     */
    public static Kernel start(KernelConfig config) {
        Instant started = jvmStart();
        MetricsRegistry metrics = new MetricsRegistry();
        metrics.register(new ProcessMetrics(started));
        SqliteReportStore store = SqliteReportStore.open(config.dataDir(), config.clock(),
                SqliteReportStore.DEFAULT_MAX_BATCH, metrics.register(new StoreMetrics()));
        try {
            OpenOutcome o = store.outcome();
            if (o.kind() == OpenOutcome.Kind.RECOVERED) {
                LOG.log(System.Logger.Level.ERROR, "STORE RECOVERED: " + o.message()
                        + " The previous data is not being served; it was moved aside: " + o.movedAside());
            } else {
                LOG.log(System.Logger.Level.INFO, "store " + o.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + ": " + o.message());
            }
            Catalog catalog = store.catalog();
            FleetView fleet = new FleetView(config.clock());
            // mapMulti under forEach hands each report straight through: the latest reports are never all in memory
            int hosts = fleet.rebuild(Stream.of(store).<Report>mapMulti((s, sink) -> s.latestDigests(sink)));
            metrics.register(new FleetMetrics(fleet, config.staleAfter()));
            HttpApi.Settings settings = new HttpApi.Settings(config.bind(), config.port(), config.bodyLimit(),
                    config.publicRead(), config.maxConcurrent(), config.stopTimeout(), config.staleAfter(),
                    config.corsOrigins(), config.tls());
            ServerPools pools = ServerPools.create();
            Instant warmupEnd = config.warmup().end(Instant.now(), started);
            HttpApi.warmUp(settings, pools, store, catalog, config.clock(), warmupEnd);
            HttpApi http = HttpApi.start(settings, pools, store, fleet, catalog, config.clock(), metrics);
            // only once listening: a start that fails (port, TLS) must not leave behind a token nobody was shown
            Optional<NewToken> admin = Optional.empty();
            try {
                if (store.tokens().isEmpty()) {
                    admin = Optional.of(store.createToken(FIRST_ADMIN_TOKEN_NAME, Scope.ADMIN));
                    LOG.log(System.Logger.Level.WARNING, "no API tokens: created admin token "
                            + admin.get().info().id() + " (shown once by the command that started the kernel)");
                }
            } catch (RuntimeException | Error e) {
                http.close();
                throw e;
            }
            LOG.log(System.Logger.Level.INFO, "kernel ready with " + hosts + " hosts at " + http.uri());
            return new Kernel(store, http, admin, hosts);
        } catch (RuntimeException | Error e) {
            // an Error too (a class missing from a broken install): the store's writer thread must not keep the
            // process alive after a failed start
            store.close();
            throw e;
        }
    }

    /**
     * When this JVM started, to the millisecond. Not {@code ProcessHandle}'s start instant: on Linux that adds the
     * process's age to the boot time, which Linux gives in whole seconds, so it came out up to a second early
     * (0.55 s on the benchmark machine, every start), and the warm-up lost that much of its budget.
     */
    private static Instant jvmStart() {
        return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    /** The admin token created by this start, present only on a first start (a store without tokens). */
    public Optional<NewToken> adminToken() {
        return adminToken;
    }

    /** How the store was opened; {@link OpenOutcome.Kind#RECOVERED} must be shown loudly. */
    public OpenOutcome storeOutcome() {
        return outcome;
    }

    /** How many hosts the fleet view held at start. */
    public int hostsAtStart() {
        return hosts;
    }

    /** The port actually bound. */
    public int port() {
        return http.port();
    }

    /** The base URI of the API. */
    public URI uri() {
        return http.uri();
    }

    /** Stops accepting, finishes in-flight requests, closes the store. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            http.close();
        } finally {
            store.close();
        }
    }
}
