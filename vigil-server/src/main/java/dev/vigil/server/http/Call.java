package dev.vigil.server.http;

import dev.vigil.server.view.ResourceUrl;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One request as an endpoint sees it.
 *
 * @param request the Jetty request (for the body)
 * @param path    the route's path parameters, decoded
 * @param query   the query parameters
 */
record Call(Request request, Map<String, String> path, Fields query) {

    Call {
        path = Map.copyOf(path);
    }

    String path(String name) {
        String v = path.get(name);
        if (v == null) {
            throw new IllegalStateException("route has no path parameter " + name);
        }
        return v;
    }

    /** The resource asked for, as the views link to it: the path as sent, then every query parameter. */
    ResourceUrl url() {
        Map<String, String> params = new LinkedHashMap<>();
        query.forEach(f -> params.put(f.getName(), f.getValue()));
        return new ResourceUrl(request.getHttpURI().getPath(), params);
    }

    /** A query parameter; present but empty counts as absent. */
    Optional<String> query(String name) {
        return Optional.ofNullable(query.getValue(name)).filter(s -> !s.isEmpty());
    }
}
