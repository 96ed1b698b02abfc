package dev.vigil.server.http;

import org.eclipse.jetty.server.LocalConnector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends the reads clients make most through the whole handler chain (gzip, limits, metering, routes, auth,
 * negotiation, the response cache, each rendering) over an in-memory connector, before the kernel listens, so that
 * its first clients meet code the JIT has compiled instead of the interpreter: just after a start the p99 latency
 * at 2,000 requests/s was 3 to 5 times the warmed one (docs/benchmarks.md). The requests are those of real clients:
 * JSON, a terminal's text table, a browser's page, gzip, a conditional GET, a missing token. Nothing is written:
 * ingest is not among them; nor are host pages, which show the host's stored report (a synthetic fleet has none),
 * and whose cached answers take the same path as the others.
 */
final class Warmup {

    private static final Pattern ETAG = Pattern.compile("(?im)^ETag:\\s*(\\S+)\\s*$");
    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3}) ");

    /** What a warm-up did. */
    record Outcome(int requests, Duration took, Optional<String> stoppedBecause) {
    }

    private final LocalConnector connector;
    private final String token;
    private LocalConnector.LocalEndPoint connection;

    Warmup(LocalConnector connector, String token) {
        this.connector = connector;
        this.token = token;
    }

    /**
     * Sends the mix again and again until {@code budget} has passed or {@code maxRequests} were answered. An answer
     * that is not what a healthy kernel gives ends the warm-up early (the kernel starts anyway, only colder).
     */
    Outcome run(String controlId, Duration budget, int maxRequests) throws Exception {
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        try {
            List<Probe> mix = mix(controlId);
            int sent = 0;
            while (sent < maxRequests && System.nanoTime() < deadline) {
                Probe p = mix.get(sent % mix.size());
                int status = status(send(p.request()));
                sent++;
                if (status != p.expected()) {
                    return new Outcome(sent, Duration.ofNanos(System.nanoTime() - start), Optional.of(
                            p.request().lines().findFirst().orElse("") + " answered " + status + ", not "
                                    + p.expected()));
                }
            }
            return new Outcome(sent, Duration.ofNanos(System.nanoTime() - start), Optional.empty());
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }

    private List<Probe> mix(String controlId) throws Exception {
        List<Probe> mix = new ArrayList<>();
        String json = "Accept: application/json\r\nUser-Agent: vigil-agent\r\n";
        String terminal = "User-Agent: curl/8.5.0\r\nAccept: */*\r\n";
        String browser = "User-Agent: Mozilla/5.0 (X11; Linux x86_64)\r\nAccept: text/html,application/xhtml+xml\r\n";
        for (String path : List.of("/api/v1/summary", "/api/v1/controls", "/api/v1/hosts?limit=20",
                "/api/v1/controls/" + controlId)) {
            mix.add(new Probe(get(path, json), 200));
            mix.add(new Probe(get(path, json + "Accept-Encoding: gzip, deflate, br\r\n"), 200));
        }
        mix.add(new Probe(get("/api/v1/summary", terminal), 200));
        mix.add(new Probe(get("/api/v1/summary", browser), 200));
        mix.add(new Probe(get("/", terminal), 200));
        mix.add(new Probe(get("/api/v1/controls", terminal), 200));
        mix.add(new Probe(get("/api/v1/controls/" + controlId, browser), 200));
        etag("/api/v1/summary", json).ifPresent(tag ->
                mix.add(new Probe(get("/api/v1/summary", json + "If-None-Match: " + tag + "\r\n"), 304)));
        mix.add(new Probe("GET /api/v1/summary HTTP/1.1\r\nHost: localhost\r\n" + json + "\r\n", 401));
        mix.add(new Probe(get("/healthz", json), 200));
        return mix;
    }

    private String get(String path, String headers) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n" + headers + "\r\n";
    }

    private Optional<String> etag(String path, String headers) throws Exception {
        String r = send(get(path, headers));
        Matcher m = ETAG.matcher(r == null ? "" : r);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** One request on a kept-alive connection, as clients send them; a new connection if the last one closed. */
    private String send(String request) throws Exception {
        if (connection == null || !connection.isOpen()) {
            connection = connector.connect();
        }
        connection.addInput(request);
        return connection.getResponse(false, 5, TimeUnit.SECONDS);
    }

    private static int status(String response) {
        Matcher m = STATUS.matcher(response == null ? "" : response);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private record Probe(String request, int expected) {
    }
}
