package dev.vigil.server.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The resource a page shows: its path and query parameters, so that paging links keep the request's filters.
 *
 * @param path  the path, e.g. {@code /api/v1/hosts}
 * @param query the query parameters in request order (one value each)
 */
public record ResourceUrl(String path, Map<String, String> query) {

    public ResourceUrl {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path '" + path + "' is not absolute");
        }
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /** A path without parameters. */
    public static ResourceUrl of(String path) {
        return new ResourceUrl(path, Map.of());
    }

    /** The same resource with a parameter set (replacing its value, or added last). */
    public ResourceUrl with(String key, String value) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put(key, value);
        return new ResourceUrl(path, q);
    }

    /** The relative URL: the path, then the query parameters percent-encoded. */
    @Override
    public String toString() {
        if (query.isEmpty()) {
            return path;
        }
        return path + "?" + query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** A path segment or query component, percent-encoded (spaces as {@code %20}). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
