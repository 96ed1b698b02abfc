package dev.vigil.server.http;

import dev.vigil.server.view.ColorMode;
import dev.vigil.server.view.Negotiation;
import dev.vigil.server.view.Representation;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How one response body is rendered: its representation and, for text, whether it is coloured. Chosen once per
 * request by {@link Negotiation}; part of the response cache's key, since each rendition has its own bytes.
 */
record Rendition(Representation representation, ColorMode color) {

    /** What requests that are not negotiated (writes) get. */
    static final Rendition JSON = new Rendition(Representation.JSON, ColorMode.NEVER);

    /** Bounds {@link #BY_HEADERS}: past this many distinct header pairs it starts again empty. */
    private static final int MAX_REMEMBERED = 256;
    /** Renditions by Accept and User-Agent, for requests without format or color: a fleet's clients send few. */
    private static final ConcurrentHashMap<Headers, Rendition> BY_HEADERS = new ConcurrentHashMap<>();

    private record Headers(String accept, String userAgent) {
    }

    /** The rendition a GET asks for; a bad {@code format} or {@code color} is a 400 naming the parameter. */
    static Rendition of(Request request, Fields query) {
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        String userAgent = request.getHeaders().get(HttpHeader.USER_AGENT);
        if (query.get("format") != null || query.get("color") != null) {
            return decide(query, accept, userAgent);
        }
        Headers headers = new Headers(accept, userAgent);
        Rendition known = BY_HEADERS.get(headers);
        if (known != null) {
            return known;
        }
        if (BY_HEADERS.size() >= MAX_REMEMBERED) {
            BY_HEADERS.clear();
        }
        Rendition decided = decide(query, accept, userAgent);
        BY_HEADERS.put(headers, decided);
        return decided;
    }

    private static Rendition decide(Fields query, String acceptHeader, String userAgent) {
        Optional<String> ua = Optional.ofNullable(userAgent);
        Optional<String> accept = Optional.ofNullable(acceptHeader);
        Representation r;
        try {
            r = Negotiation.decide(value(query, "format"), accept, ua);
        } catch (IllegalArgumentException e) {
            throw new ApiException(Problem.invalidParameter("format", e.getMessage()));
        }
        ColorMode color;
        try {
            color = Negotiation.color(value(query, "color"), ua);
        } catch (IllegalArgumentException e) {
            throw new ApiException(Problem.invalidParameter("color", e.getMessage()));
        }
        return new Rendition(r, r == Representation.TEXT ? color : ColorMode.NEVER);
    }

    private static Optional<String> value(Fields query, String name) {
        return Optional.ofNullable(query.getValue(name)).filter(s -> !s.isEmpty());
    }

    /** A short name for cache keys: {@code JSON}, {@code HTML}, {@code TEXT/ALWAYS}, {@code TEXT/NEVER}. */
    String key() {
        return representation == Representation.TEXT ? "TEXT/" + color.name() : representation.name();
    }
}
