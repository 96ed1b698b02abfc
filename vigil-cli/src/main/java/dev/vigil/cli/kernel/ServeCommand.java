package dev.vigil.cli.kernel;

import dev.vigil.cli.DurationConverter;
import dev.vigil.cli.SizeConverter;
import dev.vigil.server.KernelConfig;
import dev.vigil.server.WarmupBudget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil serve}: runs the kernel until SIGTERM or SIGINT. Options only; {@link KernelProcess} does the work. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Runs the kernel: collects reports over HTTP into the store in --data and answers fleet questions.",
            "Prints 'vigil kernel listening on <uri> ...' when ready; on a first start (no tokens yet) it prints an admin token, once.",
            "Stops gracefully on SIGTERM or Ctrl-C: finishes requests in flight, commits, closes the store, exits 0."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped by a signal, after a graceful shutdown",
            "2:bad options, or the kernel could not start (port in use, TLS files, data folder)",
            "3:internal error"})
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DataDirOption data;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = KernelConfig.DEFAULT_BIND,
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + KernelConfig.DEFAULT_PORT, description = "Port (default: ${DEFAULT-VALUE}; 0 for any free one).")
    int port;

    @Option(names = "--public-read", description = "Let reads through without a token (writes still need one).")
    boolean publicRead;

    @Option(names = "--body-limit", paramLabel = "SIZE", defaultValue = "2MiB", converter = SizeConverter.class,
            description = "Largest request body, e.g. 2MiB, 512KiB (default: ${DEFAULT-VALUE}); larger ones get 413.")
    long bodyLimit;

    @Option(names = "--max-concurrent", paramLabel = "N", defaultValue = "" + KernelConfig.DEFAULT_MAX_CONCURRENT,
            description = "Requests handled at once; more wait briefly, then get 503 (default: ${DEFAULT-VALUE}).")
    int maxConcurrent;

    @Option(names = "--stale-after", paramLabel = "DURATION", defaultValue = "7d", converter = DurationConverter.class,
            description = "A host not seen for longer is stale, e.g. 7d, 12h (default: ${DEFAULT-VALUE}).")
    Duration staleAfter;

    @Option(names = "--stop-timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long a graceful stop waits for requests in flight (default: ${DEFAULT-VALUE}).")
    Duration stopTimeout;

    @Option(names = "--warmup", paramLabel = "DURATION", converter = DurationConverter.ZeroAllowed.class,
            description = "Before listening, run the common reads against a warm-up server of its own for this long,"
                    + " so that the first clients meet compiled code; 0 starts cold (default: "
                    + WarmupBudget.SERVE_DEFAULT_SECONDS + "s, ending by " + WarmupBudget.READY_TARGET_MILLIS / 1000.0
                    + " s after the start so that a large fleet"
                    + " still starts quickly; a duration given here runs in full).")
    Duration warmup;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN",
            description = "Let browser pages from this origin (e.g. https://dash.example.org) call the API; repeatable. CORS is off without it.")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Serve HTTPS with this certificate chain (PEM); needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The private key of --tls-cert (PEM, not encrypted).")
    Path tlsKey;

    @Option(names = "--tls-keystore", paramLabel = "P12", description = "Serve HTTPS with the key and certificate in this PKCS#12 keystore.")
    Path tlsKeystore;

    @Option(names = "--tls-keystore-password-file", paramLabel = "FILE",
            description = "File holding the keystore's password (else the environment variable " + TlsFiles.PASSWORD_ENV + ", else none).")
    Path tlsKeystorePasswordFile;

    /** For ./vigil, which trains the kernel's AOT cache: a run whose profiles the JVM writes as it exits. */
    @Option(names = "--stop-when-ready", hidden = true,
            description = "Stop gracefully as soon as the kernel listens (after its warm-up), exit 0.")
    boolean stopWhenReady;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info",
            description = "error, warn, info, debug or trace (default: ${DEFAULT-VALUE}). Logs go to stderr.")
    KernelLog.Level logLevel;

    @Override
    public Integer call() {
        return new KernelProcess(this).run();
    }
}
