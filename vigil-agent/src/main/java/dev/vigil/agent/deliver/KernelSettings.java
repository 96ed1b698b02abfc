package dev.vigil.agent.deliver;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the kernel is and how to talk to it; validated once here.
 *
 * @param server         the kernel's base URL ({@code http} or {@code https}), e.g. {@code https://vigil.example:8443}
 * @param token          the API token sent as {@code Authorization: Bearer}; never printed
 * @param caCert         a PEM file of the CA(s) the kernel's certificate must chain to; empty for the JDK's CAs
 * @param insecure       skip certificate verification entirely (only when the user asked for it by name)
 * @param connectTimeout how long to wait for a connection (default {@value #DEFAULT_CONNECT_SECONDS} s)
 * @param requestTimeout how long to wait for the answer once connected (default {@value #DEFAULT_REQUEST_SECONDS} s)
 */
public record KernelSettings(URI server, String token, Optional<Path> caCert, boolean insecure, Duration connectTimeout,
                             Duration requestTimeout) {

    public static final int DEFAULT_CONNECT_SECONDS = 10;
    public static final int DEFAULT_REQUEST_SECONDS = 30;

    public KernelSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(caCert, "ca_cert");
        Objects.requireNonNull(connectTimeout, "connect_timeout");
        Objects.requireNonNull(requestTimeout, "request_timeout");
        String scheme = server.getScheme() == null ? "" : server.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("server URL '" + server + "' must start with http:// or https://");
        }
        if (server.getHost() == null || server.getHost().isBlank()) {
            throw new IllegalArgumentException("server URL '" + server + "' names no host");
        }
        if (server.getRawQuery() != null || server.getRawFragment() != null) {
            throw new IllegalArgumentException("server URL '" + server + "' must not carry a query or fragment");
        }
        if (token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("the token is empty or holds spaces or control characters");
        }
        if (insecure && caCert.isPresent()) {
            throw new IllegalArgumentException("--insecure and --ca-cert contradict each other; give one");
        }
        if (!connectTimeout.isPositive() || !requestTimeout.isPositive()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** Settings with the default timeouts and the JDK's CAs. */
    public static KernelSettings of(URI server, String token) {
        return new KernelSettings(server, token, Optional.empty(), false, Duration.ofSeconds(DEFAULT_CONNECT_SECONDS),
                Duration.ofSeconds(DEFAULT_REQUEST_SECONDS));
    }

    /** The ingest URL, under the server's path when it has one (a kernel behind a reverse proxy). */
    public URI reportsUri() {
        String base = server.toString();
        return URI.create(base.endsWith("/") ? base : base + "/").resolve("api/v1/reports");
    }

    /** Whether the token would cross the network in clear text: plain HTTP to a host other than loopback. */
    public boolean sendsTokenInClear() {
        String host = server.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
        return server.getScheme().equalsIgnoreCase("http") && !loopback;
    }

    @Override
    public String toString() {
        return "KernelSettings[server=" + server + ", token=****, caCert=" + caCert + ", insecure=" + insecure
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
    }
}
