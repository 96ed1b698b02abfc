package dev.vigil.server.http;

import org.eclipse.jetty.server.Request;

/**
 * How a response body is rendered, chosen once per request. JSON is the only representation so far; text
 * tables for terminals and HTML pages for browsers come next (add a constant, teach {@link #choose} to pick it,
 * and give it a case in {@link Renderers#render}: the exhaustive switch points at every place to change).
 */
enum Representation {
    /** {@code application/json}, snake_case keys. */
    JSON;

    /** The representation this request asks for (by {@code ?format=}, {@code Accept}, {@code User-Agent}). */
    static Representation choose(Request request) {
        return JSON;
    }
}
