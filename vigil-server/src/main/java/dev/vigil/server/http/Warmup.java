package dev.vigil.server.http;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends the reads clients make most through the whole stack (socket, HTTP parsing, gzip, limits, metering, routes,
 * auth, negotiation, the response cache, each rendering), before the kernel listens, so that its first clients meet
 * code the JIT has compiled instead of the interpreter: just after a start the p99 latency at 2,000 requests/s was
 * 3 to 8 times the warmed one (docs/benchmarks.md). It speaks HTTP/1.1 over one kept-alive loopback connection, as
 * clients do; the requests are those of real clients: JSON, a terminal's text table, a browser's page, gzip, a
 * conditional GET, a missing token. Nothing is written: ingest is not among them; nor are host pages, which show
 * the host's stored report (the warm-up's synthetic fleet has none), and whose cached answers take the same path as
 * the others.
 */
final class Warmup {

    /** What a warm-up did. */
    record Outcome(int requests, Duration took, Optional<String> stoppedBecause) {
    }

    private static final int TIMEOUT_MS = 5_000;

    private final InetSocketAddress server;
    private final String token;
    private final boolean publicRead;

    /** A warm-up of the server at this address, reading with {@code token}; {@code publicRead} as the server has it. */
    Warmup(InetSocketAddress server, String token, boolean publicRead) {
        this.server = server;
        this.token = token;
        this.publicRead = publicRead;
    }

    /**
     * Sends the mix again and again until {@code until} or {@code maxRequests} answers. An answer that is not what a
     * healthy kernel gives, or a connection that fails, ends the warm-up early and says why (the kernel starts
     * anyway, only colder). A connection the server closes, as HTTP/1.1 lets it, is opened again.
     */
    Outcome run(String controlId, Instant until, int maxRequests) {
        long start = System.nanoTime();
        int sent = 0;
        Connection c = null;
        try {
            c = connect();
            List<Probe> mix = mix(c, controlId);
            while (sent < maxRequests && Instant.now().isBefore(until)) {
                Probe p = mix.get(sent % mix.size());
                if (!c.reusable()) {
                    c.close();
                    c = connect();
                }
                Answer a = c.send(p.request());
                sent++;
                if (a.status() != p.expected()) {
                    return outcome(sent, start, Optional.of(
                            firstLine(p.request()) + " answered " + a.status() + ", not " + p.expected()));
                }
            }
            return outcome(sent, start, Optional.empty());
        } catch (IOException | RuntimeException e) {
            return outcome(sent, start, Optional.of("request " + (sent + 1) + " failed: " + e));
        } finally {
            if (c != null) {
                c.close();
            }
        }
    }

    private static Outcome outcome(int sent, long start, Optional<String> stoppedBecause) {
        return new Outcome(sent, Duration.ofNanos(System.nanoTime() - start), stoppedBecause);
    }

    private static String firstLine(String request) {
        return request.lines().findFirst().orElse("");
    }

    private Connection connect() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(server, TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            return new Connection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private List<Probe> mix(Connection c, String controlId) throws IOException {
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
        c.send(get("/api/v1/summary", json)).etag().ifPresent(tag ->
                mix.add(new Probe(get("/api/v1/summary", json + "If-None-Match: " + tag + "\r\n"), 304)));
        mix.add(new Probe("GET /api/v1/summary HTTP/1.1\r\nHost: localhost\r\n" + json + "\r\n",
                publicRead ? 200 : 401));
        mix.add(new Probe(get("/healthz", json), 200));
        return mix;
    }

    private String get(String path, String headers) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n" + headers + "\r\n";
    }

    private record Probe(String request, int expected) {
    }

    private record Answer(int status, Optional<String> etag) {
    }

    /**
     * One kept-alive HTTP/1.1 connection: a request out, its whole response (by Content-Length) back; closed for
     * further requests once the server said {@code Connection: close}.
     */
    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private boolean closeAnnounced;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        boolean reusable() {
            return !closeAnnounced;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing was pending on it
            }
        }

        Answer send(String request) throws IOException {
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String statusLine = line();
            int status = statusLine.length() >= 12 && statusLine.startsWith("HTTP/1.1 ")
                    ? Integer.parseInt(statusLine.substring(9, 12)) : -1;
            long length = 0;
            Optional<String> etag = Optional.empty();
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                String name = colon < 0 ? h : h.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = colon < 0 ? "" : h.substring(colon + 1).strip();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "etag" -> etag = Optional.of(value);
                    case "connection" -> closeAnnounced |= value.toLowerCase(Locale.ROOT).contains("close");
                    case "transfer-encoding" -> throw new IOException("a chunked answer to " + firstLine(request)
                            + " (the kernel's answers carry their length)");
                    default -> {
                    }
                }
            }
            // a 304 has no body, whatever its Content-Length says (the length of the 200 it stands for)
            in.skipNBytes(status == 304 ? 0 : length);
            return new Answer(status, etag);
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder(64);
            for (int ch = in.read(); ch != '\n'; ch = in.read()) {
                if (ch < 0) {
                    throw new EOFException("the warm-up server closed the connection");
                }
                if (ch != '\r') {
                    b.append((char) ch);
                }
            }
            return b.toString();
        }
    }
}
