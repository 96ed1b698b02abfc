package dev.vigil.cli.kernel;

import dev.vigil.cli.ExitCodes;
import dev.vigil.cli.UsageException;
import dev.vigil.server.Kernel;
import dev.vigil.server.KernelConfig;
import dev.vigil.server.WarmupBudget;
import dev.vigil.server.store.NewToken;
import dev.vigil.server.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Runs one kernel in this process: logging to stderr, start, the ready line on stdout, then wait for SIGTERM or
 * SIGINT (or, with {@code --stop-when-ready}, not at all) and close gracefully. A shutdown hook closes the kernel too
 * when the JVM ends some other way.
 */
final class KernelProcess {

    private static final System.Logger LOG = System.getLogger(KernelProcess.class.getName());

    private final ServeCommand options;
    private final PrintWriter out;
    private final PrintWriter err;

    KernelProcess(ServeCommand options) {
        this.options = options;
        this.out = options.spec.commandLine().getOut();
        this.err = options.spec.commandLine().getErr();
    }

    int run() {
        KernelConfig config = config();
        try (StopSignal stop = StopSignal.install(); KernelLog log = KernelLog.install(options.logLevel, err)) {
            Kernel kernel = start(config);
            Thread hook = new Thread(kernel::close, "vigil-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                announce(kernel, config.dataDir());
                String why = options.stopWhenReady ? "ready, and --stop-when-ready" : stop.await();
                LOG.log(System.Logger.Level.INFO, why + ": stopping (finishing requests in flight, then closing the store)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                kernel.close();
                removeHook(hook);
            }
            LOG.log(System.Logger.Level.INFO, "stopped");
            return ExitCodes.OK;
        }
    }

    /** The warm-up asked for ({@code null}: none asked for), or the default one, which gives way to the start target. */
    static WarmupBudget warmupBudget(Duration asked) {
        return asked == null ? WarmupBudget.serveDefault() : WarmupBudget.inFull(asked);
    }

    private KernelConfig config() {
        try {
            return KernelConfig.defaults(options.data.dir)
                    .withBind(options.bind)
                    .withPort(options.port)
                    .withBodyLimit(options.bodyLimit)
                    .withPublicRead(options.publicRead)
                    .withMaxConcurrent(options.maxConcurrent)
                    .withStopTimeout(options.stopTimeout)
                    .withStaleAfter(options.staleAfter)
                    .withWarmup(warmupBudget(options.warmup))
                    .withCorsOrigins(CorsOrigins.check(options.corsOrigins))
                    .withTls(TlsFiles.from(options))
                    .withClock(InstantSource.system());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** Failures to start are the operator's to fix (port, files, folder): one line, exit 2, no stack trace. */
    private static Kernel start(KernelConfig config) {
        Stores.checkFolder(config.dataDir());
        checkPortFree(config.bind(), config.port());
        try {
            return Kernel.start(config);
        } catch (StoreException | IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            throw new UsageException("cannot start the kernel: " + Causes.describe(e), e);
        }
    }

    /**
     * A taken port is found before the store is opened, so that the operator hears of it at once instead of after
     * the store's integrity check and the rebuild of the fleet view (seconds for a large fleet). The kernel itself
     * creates a first admin token only once it listens.
     */
    private static void checkPortFree(String bind, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(bind, port));
        } catch (IOException e) {
            throw new UsageException("cannot listen on " + bind + ":" + port + ": " + e.getMessage()
                    + " (--port and --bind choose another)", e);
        }
    }

    private void announce(Kernel kernel, Path dataDir) {
        StoreOutcomes.report(kernel.storeOutcome(), err, false);
        kernel.adminToken().ifPresent(this::showAdminToken);
        int hosts = kernel.hostsAtStart();
        out.println("vigil kernel listening on " + kernel.uri() + " (data: " + dataDir.toAbsolutePath().normalize()
                + ", " + hosts + (hosts == 1 ? " host)" : " hosts)"));
        out.flush();
    }

    private void showAdminToken(NewToken token) {
        out.println("vigil: first start, no API tokens yet: created an admin token (id " + token.info().id() + ").");
        out.println("vigil: it is shown only this once; store it now (a password manager, a secret store):");
        out.println(token.token());
        out.flush();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already running the hooks; ours finds the kernel closed
        }
    }
}
