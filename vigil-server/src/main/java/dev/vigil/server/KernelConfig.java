package dev.vigil.server;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link Kernel} runs; validated once here, then frozen. Start from {@link #defaults(Path)}.
 *
 * @param dataDir        the folder holding the store
 * @param bind           the address to listen on (default {@value #DEFAULT_BIND})
 * @param port           the port (default {@value #DEFAULT_PORT}; 0 for any free one)
 * @param bodyLimit      the largest request body in bytes (default {@value #DEFAULT_BODY_LIMIT}, 2 MiB)
 * @param publicRead     whether reads need no token (default false)
 * @param maxConcurrent  requests handled at once (default {@value #DEFAULT_MAX_CONCURRENT})
 * @param stopTimeout    how long closing waits for in-flight requests (default 10 s)
 * @param clock          the time, for received times, staleness and the future-report check
 * @param corsOrigins    origins allowed to call the API from a browser; empty (the default) turns CORS off
 * @param tls            where the certificate and key come from; empty (the default) serves plain HTTP
 * @param staleAfter     a host not seen for longer than this counts as stale (default 7 days; {@code ?stale=} overrides)
 * @param warmup         how long at most to run the common reads before listening, so that the first clients meet
 *                       compiled code (default none; {@code vigil serve} gives it {@link WarmupBudget#serveDefault})
 */
public record KernelConfig(Path dataDir, String bind, int port, long bodyLimit, boolean publicRead,
                           int maxConcurrent, Duration stopTimeout, InstantSource clock, List<String> corsOrigins,
                           Optional<TlsConfig> tls, Duration staleAfter, WarmupBudget warmup) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_BODY_LIMIT = 2L * 1024 * 1024;
    public static final int DEFAULT_MAX_CONCURRENT = 256;
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofDays(7);

    public KernelConfig {
        Objects.requireNonNull(dataDir, "data_dir");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(stopTimeout, "stop_timeout");
        Objects.requireNonNull(clock, "clock");
        corsOrigins = List.copyOf(corsOrigins);
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(staleAfter, "stale_after");
        Objects.requireNonNull(warmup, "warmup");
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("stale-after " + staleAfter + " must be positive");
        }
        if (bind.isBlank()) {
            throw new IllegalArgumentException("bind address is blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " outside 0..65535");
        }
        if (bodyLimit < 1 || bodyLimit > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("body limit " + bodyLimit + " bytes outside 1.." + (Integer.MAX_VALUE - 8));
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("max concurrent requests " + maxConcurrent + " must be at least 1");
        }
        if (stopTimeout.isNegative()) {
            throw new IllegalArgumentException("stop timeout " + stopTimeout + " is negative");
        }
    }

    /** The defaults, storing in {@code dataDir}. */
    public static KernelConfig defaults(Path dataDir) {
        return new KernelConfig(dataDir, DEFAULT_BIND, DEFAULT_PORT, DEFAULT_BODY_LIMIT, false, DEFAULT_MAX_CONCURRENT,
                DEFAULT_STOP_TIMEOUT, InstantSource.system(), List.of(), Optional.empty(), DEFAULT_STALE_AFTER,
                WarmupBudget.NONE);
    }

    public KernelConfig withBind(String value) {
        return new KernelConfig(dataDir, value, port, bodyLimit, publicRead, maxConcurrent, stopTimeout, clock, corsOrigins, tls, staleAfter, warmup);
    }

    public KernelConfig withPort(int value) {
        return new KernelConfig(dataDir, bind, value, bodyLimit, publicRead, maxConcurrent, stopTimeout, clock, corsOrigins, tls, staleAfter, warmup);
    }

    public KernelConfig withBodyLimit(long value) {
        return new KernelConfig(dataDir, bind, port, value, publicRead, maxConcurrent, stopTimeout, clock, corsOrigins, tls, staleAfter, warmup);
    }

    public KernelConfig withPublicRead(boolean value) {
        return new KernelConfig(dataDir, bind, port, bodyLimit, value, maxConcurrent, stopTimeout, clock, corsOrigins, tls, staleAfter, warmup);
    }

    public KernelConfig withMaxConcurrent(int value) {
        return new KernelConfig(dataDir, bind, port, bodyLimit, publicRead, value, stopTimeout, clock, corsOrigins, tls, staleAfter, warmup);
    }

    public KernelConfig withStopTimeout(Duration value) {
        return new KernelConfig(dataDir, bind, port, bodyLimit, publicRead, maxConcurrent, value, clock, corsOrigins, tls, staleAfter, warmup);
    }

    public KernelConfig withClock(InstantSource value) {
        return new KernelConfig(dataDir, bind, port, bodyLimit, publicRead, maxConcurrent, stopTimeout, value, corsOrigins, tls, staleAfter, warmup);
    }

    public KernelConfig withCorsOrigins(List<String> value) {
        return new KernelConfig(dataDir, bind, port, bodyLimit, publicRead, maxConcurrent, stopTimeout, clock, value, tls, staleAfter, warmup);
    }

    public KernelConfig withTls(Optional<TlsConfig> value) {
        return new KernelConfig(dataDir, bind, port, bodyLimit, publicRead, maxConcurrent, stopTimeout, clock, corsOrigins, value, staleAfter, warmup);
    }

    public KernelConfig withStaleAfter(Duration value) {
        return new KernelConfig(dataDir, bind, port, bodyLimit, publicRead, maxConcurrent, stopTimeout, clock, corsOrigins, tls, value, warmup);
    }

    public KernelConfig withWarmup(WarmupBudget value) {
        return new KernelConfig(dataDir, bind, port, bodyLimit, publicRead, maxConcurrent, stopTimeout, clock, corsOrigins, tls, staleAfter, value);
    }
}
