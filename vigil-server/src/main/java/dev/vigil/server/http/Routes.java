package dev.vigil.server.http;

import dev.vigil.server.metrics.MeteredRoutes;
import org.eclipse.jetty.server.handler.PathMappingsHandler;

import static dev.vigil.server.http.Route.Caching.BY_VERSION;
import static dev.vigil.server.http.Route.Caching.BY_VERSION_AND_MINUTE;
import static dev.vigil.server.http.Route.Caching.NONE;

/** The route table: every path, method, access rule and caching rule of the API in one place. */
final class Routes {

    private Routes() {
    }

    static MeteredRoutes build(Route.Shared shared, Api api, Endpoint ingest, Endpoint metrics, Endpoint openApi) {
        MeteredRoutes h = new MeteredRoutes();
        add(h, new Route("/api/v1/reports", shared).on("POST", Access.WRITE, NONE, ingest));
        add(h, new Route("/api/v1/reports/{report_id}", shared).on("GET", Access.READ, NONE, api::report));
        add(h, new Route("/", shared).on("GET", Access.READ, BY_VERSION_AND_MINUTE, api::summary));
        add(h, new Route("/api/v1/summary", shared).on("GET", Access.READ, BY_VERSION_AND_MINUTE, api::summary));
        add(h, new Route("/api/v1/hosts", shared).on("GET", Access.READ, BY_VERSION_AND_MINUTE, api::hosts));
        add(h, new Route("/api/v1/hosts/{host_id}", shared).on("GET", Access.READ, BY_VERSION, api::host));
        // history and diff read the store, which also changes on reports that do not change the view (older ones)
        add(h, new Route("/api/v1/hosts/{host_id}/reports", shared).on("GET", Access.READ, NONE, api::history));
        add(h, new Route("/api/v1/hosts/{host_id}/diff", shared).on("GET", Access.READ, NONE, api::diff));
        add(h, new Route("/api/v1/controls", shared).on("GET", Access.READ, BY_VERSION, api::controls));
        add(h, new Route("/api/v1/controls/{id}", shared).on("GET", Access.READ, BY_VERSION, api::control));
        add(h, new Route("/healthz", shared).on("GET", Access.PUBLIC, NONE, api::healthz));
        add(h, new Route("/readyz", shared).on("GET", Access.PUBLIC, NONE, api::readyz));
        add(h, new Route("/schema/report.json", shared).on("GET", Access.PUBLIC, BY_VERSION, api::schema));
        add(h, new Route("/metrics", shared).on("GET", Access.READ, NONE, metrics));
        add(h, new Route("/openapi.json", shared).on("GET", Access.PUBLIC, BY_VERSION, openApi));
        return h;
    }

    private static void add(PathMappingsHandler h, Route r) {
        h.addMapping(r.spec(), r);
    }
}
