package dev.vigil.server.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem document: what went wrong, for a client to act on. Never carries a stack trace.
 *
 * @param type       a URI naming the kind of problem (relative, under {@code /problems/})
 * @param title      a short summary of the kind of problem
 * @param status     the HTTP status
 * @param detail     this occurrence, naming the field, parameter or limit
 * @param extensions extra members such as {@code field} or {@code parameter}
 */
record Problem(String type, String title, int status, String detail, Map<String, Object> extensions) {

    static final String MEDIA_TYPE = "application/problem+json";

    Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        extensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    static Problem of(int status, String slug, String title, String detail) {
        return new Problem("/problems/" + slug, title, status, detail, Map.of());
    }

    Problem with(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(extensions);
        m.put(key, value);
        return new Problem(type, title, status, detail, m);
    }

    /** The document as JSON members, extensions after the standard ones. */
    Map<String, Object> members() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("title", title);
        m.put("status", status);
        m.put("detail", detail);
        m.putAll(extensions);
        return m;
    }

    static Problem badRequest(String slug, String detail) {
        return of(400, slug, "Bad request", detail);
    }

    static Problem invalidParameter(String parameter, String detail) {
        return of(400, "invalid-parameter", "Invalid query parameter", detail).with("parameter", parameter);
    }

    static Problem notFound(String detail) {
        return of(404, "not-found", "Not found", detail);
    }

    static Problem tooLarge(long limit) {
        return tooLarge(limit, "");
    }

    /** A 413 whose detail adds {@code how} (e.g. " once decompressed") after the limit. */
    static Problem tooLarge(long limit, String how) {
        return of(413, "body-too-large", "Request body too large",
                "the request body exceeds the limit of " + limit + " bytes" + how).with("limit", limit);
    }

    static Problem internal() {
        return of(500, "internal", "Internal server error",
                "the server failed to answer this request; the cause is in its log");
    }
}
