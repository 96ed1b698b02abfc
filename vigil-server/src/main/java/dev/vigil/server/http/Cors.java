package dev.vigil.server.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.CrossOriginHandler;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Cross-origin access for browser applications on other origins: off (no CORS headers at all) unless origins are
 * configured, then exactly those origins may call GET and POST with the Authorization and Content-Type headers.
 * Tokens travel in a header, never in cookies, so credentials are not allowed.
 */
final class Cors {

    /** How long a browser may reuse a preflight answer. */
    static final Duration PREFLIGHT_MAX_AGE = Duration.ofMinutes(10);

    private Cors() {
    }

    /** {@code next} itself when no origin is configured; otherwise Jetty's CrossOriginHandler around it. */
    static Handler wrap(List<String> origins, Handler next) {
        if (origins.isEmpty()) {
            return next;
        }
        CrossOriginHandler cors = new CrossOriginHandler();
        // Jetty takes patterns; an origin is matched exactly, dots and all
        cors.setAllowedOriginPatterns(origins.stream().map(Pattern::quote).collect(Collectors.toSet()));
        cors.setAllowedMethods(Set.of("GET", "POST"));
        cors.setAllowedHeaders(Set.of("Authorization", "Content-Type"));
        cors.setExposedHeaders(Set.of("ETag", "Location"));
        cors.setAllowCredentials(false);
        cors.setPreflightMaxAge(PREFLIGHT_MAX_AGE);
        cors.setHandler(next);
        return cors;
    }
}
