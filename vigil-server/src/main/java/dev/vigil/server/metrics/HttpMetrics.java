package dev.vigil.server.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests by route template, method and status class, and their latency by route. Every series is laid out in
 * arrays when the routes are known, so recording is an index computation and three {@code LongAdder} updates; a
 * series is written once it has seen a request (as client libraries do for labelled series), which keeps the
 * scrape short without hiding anything that happened.
 */
final class HttpMetrics implements Collector {

    /** The route label of requests no route matched (Jetty answers them 404). */
    static final String UNMATCHED = "unmatched";

    private static final String REQUESTS = "vigil_http_requests_total";
    private static final String LATENCY = "vigil_http_request_duration_seconds";
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH",
            "other");
    private static final int CLASSES = 5;
    private static final Buckets LATENCY_BUCKETS = Buckets.seconds(0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025,
            0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10);

    private final List<String> routes;
    private final LongAdder[] requests;
    private final Labels[] requestLabels;
    private final Histogram[] latency;

    /** Series for these route templates, in this order, and for unmatched requests (the index after them). */
    HttpMetrics(List<String> templates) {
        List<String> all = new ArrayList<>(templates);
        all.add(UNMATCHED);
        this.routes = List.copyOf(all);
        this.requests = new LongAdder[routes.size() * METHODS.size() * CLASSES];
        this.requestLabels = new Labels[requests.length];
        this.latency = new Histogram[routes.size()];
        for (int r = 0; r < routes.size(); r++) {
            Labels route = Labels.of("route", routes.get(r));
            latency[r] = new Histogram(LATENCY_BUCKETS, route);
            for (int m = 0; m < METHODS.size(); m++) {
                for (int c = 0; c < CLASSES; c++) {
                    int i = slot(r, m, c);
                    requests[i] = new LongAdder();
                    requestLabels[i] = route.and("method", METHODS.get(m)).and("status", (c + 1) + "xx");
                }
            }
        }
    }

    /** The route index of requests no route matched. */
    int unmatched() {
        return routes.size() - 1;
    }

    /** The method index of a request method; methods outside the known few share one series. */
    static int method(String method) {
        return switch (method) {
            case "GET" -> 0;
            case "HEAD" -> 1;
            case "POST" -> 2;
            case "PUT" -> 3;
            case "DELETE" -> 4;
            case "OPTIONS" -> 5;
            case "PATCH" -> 6;
            default -> 7;
        };
    }

    /** Counts one finished request and its latency. */
    void record(int route, int method, int status, long nanos) {
        int statusClass = Math.clamp(status / 100, 1, CLASSES) - 1;
        requests[slot(route, method, statusClass)].increment();
        latency[route].observe(nanos);
    }

    private static int slot(int route, int method, int statusClass) {
        return (route * METHODS.size() + method) * CLASSES + statusClass;
    }

    @Override
    public void collect(Exposition out) {
        out.family(REQUESTS, Exposition.Type.COUNTER,
                "HTTP requests answered, by route template, method and status class.");
        for (int i = 0; i < requests.length; i++) {
            long n = requests[i].sum();
            if (n > 0) {
                out.sample(REQUESTS, requestLabels[i], n);
            }
        }
        out.family(LATENCY, Exposition.Type.HISTOGRAM,
                "Time from routing a request to the last byte of its response written, by route template, in seconds.");
        for (Histogram h : latency) {
            if (h.count() > 0) {
                h.writeTo(out, LATENCY);
            }
        }
    }
}
