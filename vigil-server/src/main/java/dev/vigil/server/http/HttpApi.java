package dev.vigil.server.http;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.server.TlsConfig;
import dev.vigil.server.fleet.FleetView;
import dev.vigil.server.fleet.SyntheticFleet;
import dev.vigil.server.metrics.Exposition;
import dev.vigil.server.metrics.IngestMetrics;
import dev.vigil.server.metrics.MeteredRoutes;
import dev.vigil.server.metrics.MeteringHandler;
import dev.vigil.server.metrics.MetricsRegistry;
import dev.vigil.server.store.ProcessToken;
import dev.vigil.server.store.ReportStore;
import dev.vigil.server.store.Scope;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP API on Jetty core handlers: graceful shutdown, gzip, CORS (when origins are configured), a bound on
 * concurrent requests, the body limit, then the routes; over plain HTTP or TLS. Handlers run on virtual threads,
 * so an ingest waiting for its commit holds no platform thread.
 *
 * <p>Start with {@link #start}; {@link #close} stops accepting, lets in-flight requests finish (up to
 * {@link Settings#stopTimeout}), and stops. The store stays open: its owner closes it after this.
 */
public final class HttpApi implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HttpApi.class.getName());

    /**
     * How the API listens and what it allows.
     *
     * @param bind          the address to listen on
     * @param port          the port; 0 for any free one
     * @param bodyLimit     the largest request body, in bytes
     * @param publicRead    whether reads need no token
     * @param maxConcurrent requests handled at once; more wait (briefly) or get 503
     * @param stopTimeout   how long {@link #close} waits for in-flight requests
     * @param staleAfter    how long unseen makes a host stale in the summary ({@code ?stale=} overrides)
     * @param corsOrigins   origins allowed to call from a browser; empty turns CORS off
     * @param tls           the certificate and key to serve HTTPS with; empty serves plain HTTP
     */
    public record Settings(String bind, int port, long bodyLimit, boolean publicRead, int maxConcurrent,
                           Duration stopTimeout, Duration staleAfter, List<String> corsOrigins,
                           Optional<TlsConfig> tls) {
        public Settings {
            Objects.requireNonNull(bind, "bind");
            Objects.requireNonNull(stopTimeout, "stop_timeout");
            Objects.requireNonNull(staleAfter, "stale_after");
            corsOrigins = List.copyOf(corsOrigins);
            Objects.requireNonNull(tls, "tls");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " outside 0..65535");
            }
            if (bodyLimit < 1 || bodyLimit > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("body limit " + bodyLimit + " outside 1.." + (Integer.MAX_VALUE - 8));
            }
            if (maxConcurrent < 1) {
                throw new IllegalArgumentException("max concurrent requests " + maxConcurrent + " must be at least 1");
            }
        }
    }

    /** Jetty's default number of acceptor threads. */
    private static final int ACCEPTORS = -1;
    /**
     * One selector per core, up to Jetty's own cap of four (its default is one per two cores). On two cores a second
     * selector cut the p99 at 2,000 requests/s from 0.8–1.1 to 0.7–0.8 ms (docs/benchmarks.md): the connections
     * ready at once no longer wait for one thread to serve them in turn.
     */
    private static final int SELECTORS = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 4);
    /** A cap on the warm-up's requests; the hot path is compiled long before (18,000 were plenty, docs/benchmarks.md). */
    private static final int WARMUP_MAX_REQUESTS = 50_000;
    /** The synthetic fleet the warm-up serves: enough for every page to have rows to render. */
    static final int WARMUP_HOSTS = 100;
    private static final long WARMUP_SEED = 1;
    /**
     * The warm-up's clients at once: with one, the branches of concurrent requests (a contended lock, a striped
     * counter) were compiled as traps, and the first real clients sent the JIT back to interpreting them.
     */
    private static final int WARMUP_CLIENTS = 2;

    private final Server server;
    private final ServerConnector connector;

    private HttpApi(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Builds the routes over these services and starts listening; the API's metrics go to {@code metrics}. */
    public static HttpApi start(Settings settings, ServerPools pools, ReportStore store, FleetView fleet,
                                Catalog catalog, InstantSource clock, MetricsRegistry metrics) {
        Server server = server(settings, pools, store, fleet, catalog, clock, metrics, true);
        ServerConnector connector = connector(server, settings.tls());
        connector.setHost(settings.bind());
        connector.setPort(settings.port());
        connector.setIdleTimeout(Duration.ofSeconds(30).toMillis());
        server.addConnector(connector);
        start(server, settings);
        HttpApi api = new HttpApi(server, connector);
        LOG.log(System.Logger.Level.INFO, "listening on " + api.uri());
        return api;
    }

    /**
     * Runs the {@link Warmup} until {@code until} on a server of its own, listening on a free loopback port: the
     * same handlers and routes over this store (reads need tokens that exist in this process only, one of each scope
     * that reads) and a synthetic fleet of {@value #WARMUP_HOSTS} hosts, so that nothing real is served or counted.
     * The JIT's work is what stays, and the {@code pools}, warm, for the server that listens next. Never fails: a
     * warm-up that goes wrong leaves the kernel colder, not down.
     */
    public static void warmUp(Settings settings, ServerPools pools, ReportStore store, Catalog catalog,
                              InstantSource clock, Instant until) {
        warm(settings, pools, store, catalog, clock, until);
    }

    /**
     * {@link #warmUp}, saying what it did (and why it stopped early, if it did); empty when there was no time for it.
     */
    static Optional<Warmup.Outcome> warm(Settings settings, ServerPools pools, ReportStore store, Catalog catalog,
                                         InstantSource clock, Instant until) {
        if (!Instant.now().isBefore(until) || catalog.entries().isEmpty()) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        Server server = null;
        try (ProcessToken token = store.processToken(Scope.FLEET_READ);
             ProcessToken admin = store.processToken(Scope.ADMIN)) {
            FleetView fleet = new FleetView(clock);
            SyntheticFleet synthetic = new SyntheticFleet(WARMUP_SEED, catalog);
            Instant now = clock.instant();
            fleet.rebuild(synthetic.machines(WARMUP_HOSTS).stream()
                    .map(m -> synthetic.report(m, synthetic.before(now, Duration.ofDays(10)))));
            server = server(settings, pools, store, fleet, catalog, clock, new MetricsRegistry(), false);
            ServerConnector loopback = connector(server, Optional.empty());
            loopback.setHost(InetAddress.getLoopbackAddress().getHostAddress());
            loopback.setPort(0);
            server.addConnector(loopback);
            start(server, settings);
            Warmup warmup = new Warmup(new InetSocketAddress(InetAddress.getLoopbackAddress(), loopback.getLocalPort()),
                    token.token(), admin.token(), settings.publicRead(), WARMUP_CLIENTS);
            Warmup.Outcome o = warmup.run(catalog.entries().getFirst().id(), until, WARMUP_MAX_REQUESTS);
            String said = "warmed up with " + o.requests() + " requests in " + o.took().toMillis() + " ms";
            if (o.stoppedBecause().isPresent()) {
                LOG.log(System.Logger.Level.WARNING, said + ", stopped early: " + o.stoppedBecause().get());
            } else {
                LOG.log(System.Logger.Level.INFO, said);
            }
            return Optional.of(o);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "warm-up failed; starting without it", e);
            return Optional.of(new Warmup.Outcome(0, Duration.ofNanos(System.nanoTime() - started),
                    Optional.of("failed: " + e)));
        } finally {
            stopQuietly(server);
        }
    }

    private static void stopQuietly(Server server) {
        try {
            if (server != null) {
                server.stop();
            }
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "warm-up server did not stop cleanly", e);
        }
    }

    /**
     * The handlers (graceful stop, gzip, CORS, the concurrency bound, the body limit, metering) and the routes. Without
     * {@code takesReports} (the warm-up's server) a POST of a report gets 503: it would be stored, but applied to
     * the warm-up's synthetic fleet instead of the kernel's.
     */
    private static Server server(Settings settings, ServerPools pools, ReportStore store, FleetView fleet,
                                 Catalog catalog, InstantSource clock, MetricsRegistry metrics, boolean takesReports) {
        JettyLogging.warningsByDefault();
        Server server = takesReports ? pools.owning() : pools.lending();
        Route.Shared shared = new Route.Shared(new Auth(store, settings.publicRead()), fleet, clock,
                new ResponseCache(), pools.threads().getVirtualThreadsExecutor());
        Endpoint ingest = takesReports
                ? new Ingest(store, fleet, catalog, clock, settings.bodyLimit(), metrics.register(new IngestMetrics()))
                : call -> {
                    throw new ApiException(Problem.of(503, "warming-up", "Service unavailable",
                            "this is the kernel's warm-up, which takes no reports"));
                };
        MeteredRoutes routes = Routes.build(shared, new Api(store, fleet, catalog, settings.staleAfter()), ingest,
                call -> new RawBody(metrics.scrape(), Exposition.CONTENT_TYPE), new OpenApi()::document);
        Handler limited = new SizeLimitHandler(settings.bodyLimit(), -1);
        ((SizeLimitHandler) limited).setHandler(new MeteringHandler(routes, metrics));
        QoSHandler qos = new QoSHandler(limited);
        qos.setMaxRequestCount(settings.maxConcurrent());
        qos.setMaxSuspend(Duration.ofSeconds(5));
        GracefulHandler graceful = new GracefulHandler(Cors.wrap(settings.corsOrigins(), qos));
        server.setHandler(graceful);
        server.setErrorHandler(new ProblemErrorHandler(settings.bodyLimit()));
        server.setStopTimeout(settings.stopTimeout().toMillis());
        server.setStopAtShutdown(false);
        return server;
    }

    private static void start(Server server, Settings settings) {
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("cannot listen on " + settings.bind() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        } catch (Error e) {
            try {
                server.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Plain HTTP/1.1, or HTTP/1.1 over TLS with the configured certificate (a bad file fails here, naming it). */
    private static ServerConnector connector(Server server, Optional<TlsConfig> tls) {
        HttpConfiguration config = httpConfiguration();
        if (tls.isEmpty()) {
            return new ServerConnector(server, ACCEPTORS, SELECTORS, new HttpConnectionFactory(config));
        }
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // clients that connect by address send no SNI; checking the certificate is the client's job
        secure.setSniHostCheck(false);
        config.addCustomizer(secure);
        return new ServerConnector(server, ACCEPTORS, SELECTORS,
                new SslConnectionFactory(TlsKeys.contextFactory(tls.get()), HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(config));
    }

    /** No {@code Server: Jetty(12.x.y)} on answers: a version tells a scanner which advisories to try. */
    private static HttpConfiguration httpConfiguration() {
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        return config;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The base URI, e.g. {@code http://127.0.0.1:8080/}, or {@code https://…} with TLS. */
    public URI uri() {
        String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        String scheme = connector.getDefaultProtocol().startsWith("SSL") ? "https" : "http";
        return URI.create(scheme + "://" + host + ":" + port() + "/");
    }

    /** Stops accepting, waits for in-flight requests, stops. Idempotent. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "HTTP server did not stop cleanly", e);
        }
    }
}
