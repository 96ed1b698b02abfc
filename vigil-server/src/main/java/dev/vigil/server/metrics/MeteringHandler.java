package dev.vigil.server.metrics;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Counts and times every request that reaches the routes: by route template (never the raw path, so label
 * cardinality stays bounded), method and status class. A request is timed from here until the route's callback
 * completes, that is until its response is written.
 */
public final class MeteringHandler extends Handler.Wrapper {

    private final HttpMetrics metrics;

    /** Meters {@code routes}, registering their series in {@code registry}. */
    public MeteringHandler(MeteredRoutes routes, MetricsRegistry registry) {
        super(routes);
        this.metrics = registry.register(new HttpMetrics(routes.templates()));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Exchange exchange = new Exchange(request, response, callback, metrics);
        boolean handled;
        try {
            handled = super.handle(exchange, response, exchange);
        } catch (Throwable t) {
            exchange.record(HttpStatus.INTERNAL_SERVER_ERROR_500);
            throw t;
        }
        if (!handled) {
            exchange.record(HttpStatus.NOT_FOUND_404);
        }
        return handled;
    }

    /**
     * One request on its way through the routes. It is both the request the routes see (so that
     * {@link MeteredRoutes} can say which route matched) and the callback they complete (so that the status and
     * time are taken when the response is done): one small object per request.
     */
    static final class Exchange extends Request.Wrapper implements Callback {

        private final Response response;
        private final Callback callback;
        private final HttpMetrics metrics;
        private final int method;
        private final long start = System.nanoTime();
        private int route;

        Exchange(Request request, Response response, Callback callback, HttpMetrics metrics) {
            super(request);
            this.response = response;
            this.callback = callback;
            this.metrics = metrics;
            this.method = HttpMetrics.method(request.getMethod());
            this.route = metrics.unmatched();
        }

        void matched(int routeIndex) {
            route = routeIndex;
        }

        void record(int status) {
            metrics.record(route, method, status, System.nanoTime() - start);
        }

        @Override
        public void succeeded() {
            int status = response.getStatus();
            record(status == 0 ? HttpStatus.OK_200 : status); // no status set: Jetty sends 200
            callback.succeeded();
        }

        @Override
        public void failed(Throwable x) {
            // not committed: Jetty answers with an error status of its own, a 500 unless the failure names another
            record(response.isCommitted() ? response.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR_500);
            callback.failed(x);
        }

        @Override
        public InvocationType getInvocationType() {
            return callback.getInvocationType();
        }
    }
}
