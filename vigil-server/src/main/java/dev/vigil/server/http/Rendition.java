package dev.vigil.server.http;

import dev.vigil.server.view.ColorMode;
import dev.vigil.server.view.Negotiation;
import dev.vigil.server.view.Representation;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

import java.util.Optional;

/**
 * How one response body is rendered: its representation and, for text, whether it is coloured. Chosen once per
 * request by {@link Negotiation}; part of the response cache's key, since each rendition has its own bytes.
 */
record Rendition(Representation representation, ColorMode color) {

    /** What requests that are not negotiated (writes) get. */
    static final Rendition JSON = new Rendition(Representation.JSON, ColorMode.NEVER);

    /** The rendition a GET asks for; a bad {@code format} or {@code color} is a 400 naming the parameter. */
    static Rendition of(Request request, Fields query) {
        Optional<String> ua = Optional.ofNullable(request.getHeaders().get(HttpHeader.USER_AGENT));
        Optional<String> accept = Optional.ofNullable(request.getHeaders().get(HttpHeader.ACCEPT));
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
