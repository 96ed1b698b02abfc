package dev.vigil.cli;

import dev.vigil.agent.deliver.KernelClient;
import dev.vigil.agent.deliver.KernelSettings;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How to reach a kernel: the token and TLS options {@code audit --submit}, {@code submit} and {@code agent} share. */
final class KernelOptions {

    @Option(names = "--token-file", paramLabel = "FILE", description = "Read the API token from FILE (keeps it out of the process list).")
    Path tokenFile;

    @Option(names = "--token", paramLabel = "TOKEN", description = "The API token (visible to other users in the process list; prefer --token-file or VIGIL_TOKEN).")
    String token;

    @Option(names = "--ca-cert", paramLabel = "FILE", description = "Trust the kernel's certificate when it chains to a CA in this PEM file (a private CA).")
    Path caCert;

    @Option(names = "--insecure", description = "Do not verify the kernel's TLS certificate at all. Prints a warning on every run.")
    boolean insecure;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = KernelSettings.DEFAULT_CONNECT_SECONDS + "s", description = "How long to wait for a connection (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Option(names = "--request-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = KernelSettings.DEFAULT_REQUEST_SECONDS + "s", description = "How long to wait for the kernel's answer (default: ${DEFAULT-VALUE}).")
    Duration requestTimeout;

    /** Whether any of these options was given; {@code audit} uses them only with {@code --submit}. */
    boolean anyGiven() {
        return tokenFile != null || token != null || caCert != null || insecure
                || !connectTimeout.equals(Duration.ofSeconds(KernelSettings.DEFAULT_CONNECT_SECONDS))
                || !requestTimeout.equals(Duration.ofSeconds(KernelSettings.DEFAULT_REQUEST_SECONDS));
    }

    /** The settings for this server, with warnings about an exposed token or switched-off verification on {@code err}. */
    KernelSettings settings(URI server, PrintWriter err) {
        TokenSource.Token t = TokenSource.resolve(Optional.ofNullable(token), Optional.ofNullable(tokenFile), System.getenv());
        KernelSettings settings;
        try {
            settings = new KernelSettings(server, t.value(), Optional.ofNullable(caCert), insecure, connectTimeout, requestTimeout);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        if (t.origin().equals("--token")) {
            err.println("vigil: hint: a token on the command line is visible in the process list; --token-file FILE or "
                    + TokenSource.ENV + " keep it private");
        }
        if (insecure) {
            err.println("vigil: WARNING: --insecure: the kernel's TLS certificate is NOT verified; anyone on the path can read the reports and the token");
        }
        if (settings.sendsTokenInClear()) {
            err.println("vigil: WARNING: " + server + " is plain HTTP to another machine: the token and the reports cross the network unencrypted");
        }
        err.flush();
        return settings;
    }

    /** A client for the settings; a bad CA file is a usage error. */
    KernelClient connect(KernelSettings settings) {
        try {
            return KernelClient.connect(settings);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
