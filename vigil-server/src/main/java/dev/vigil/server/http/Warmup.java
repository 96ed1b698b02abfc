package dev.vigil.server.http;

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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends the reads clients make most through the whole stack (socket, HTTP parsing, gzip, limits, metering, routes,
 * auth, negotiation, the response cache, each rendering), before the kernel listens, so that its first clients meet
 * code the JIT has compiled instead of the interpreter: just after a start the p99 latency at 2,000 requests/s was
 * 3 to 8 times the warmed one (docs/benchmarks.md). It speaks HTTP/1.1 over loopback as clients do: several at once,
 * each on kept-alive connections it closes now and then; the requests are those of real clients: JSON, a terminal's
 * text table, a browser's page, gzip, a conditional GET, a token of either scope that reads, none. What a warm-up
 * leaves out, the JIT compiles as a trap, and the first real client to take it sends a hot method back to the
 * interpreter (docs/benchmarks.md: a single connection's warm-up left the parser, the connection and the selector
 * to be compiled again right after listening). Nothing is written: ingest is not among them; nor are host pages,
 * which show the host's stored report (the warm-up's synthetic fleet has none), and whose cached answers take the
 * same path as the others.
 */
final class Warmup {

    /** What a warm-up did. */
    record Outcome(int requests, Duration took, Optional<String> stoppedBecause) {
    }

    private static final int TIMEOUT_MS = 5_000;
    /**
     * Requests per connection before a client opens a new one. On one connection kept alive throughout, opening and
     * closing connections stayed interpreted, and the first real client's did it on code the JIT had to throw away.
     */
    static final int REQUESTS_PER_CONNECTION = 200;
    /** The Host clients of a kernel on its default address send (the port is the warm-up server's). */
    private static final String HOST = "127.0.0.1";

    private final InetSocketAddress server;
    private final String readToken;
    private final String adminToken;
    private final boolean publicRead;
    private final int clients;

    /**
     * A warm-up of the server at this address by {@code clients} clients at once, reading with a token of each scope
     * that reads ({@code fleet:read} and {@code admin}); {@code publicRead} as the server has it.
     */
    Warmup(InetSocketAddress server, String readToken, String adminToken, boolean publicRead, int clients) {
        this.server = server;
        this.readToken = readToken;
        this.adminToken = adminToken;
        this.publicRead = publicRead;
        this.clients = clients;
    }

    /**
     * Sends the mix again and again until {@code until} or {@code maxRequests} answers. An answer that is not what a
     * healthy kernel gives, or a connection that fails, ends the warm-up early and says why (the kernel starts
     * anyway, only colder). A connection the server closes, as HTTP/1.1 lets it, is opened again.
     */
    Outcome run(String controlId, Instant until, int maxRequests) {
        long start = System.nanoTime();
        Progress progress = new Progress(maxRequests);
        // closing waits for the other clients, which stop by the same deadline
        try (ExecutorService others = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("vigil-warmup-", 1).factory())) {
            for (int i = 1; i < clients; i++) {
                others.execute(() -> client(controlId, until, progress));
            }
            client(controlId, until, progress);
        }
        return new Outcome(progress.answered.get(), Duration.ofNanos(System.nanoTime() - start),
                Optional.ofNullable(progress.stoppedBecause.get()));
    }

    /** What the clients share: how many requests they may still send, how many were answered, why one stopped. */
    private static final class Progress {
        final AtomicInteger left;
        final AtomicInteger answered = new AtomicInteger();
        final AtomicReference<String> stoppedBecause = new AtomicReference<>();

        Progress(int maxRequests) {
            left = new AtomicInteger(maxRequests);
        }

        boolean going(Instant until) {
            return stoppedBecause.get() == null && Instant.now().isBefore(until) && left.getAndDecrement() > 0;
        }

        void stop(String why) {
            stoppedBecause.compareAndSet(null, why);
        }
    }

    /**
     * One client: the mix over a connection it closes after {@value #REQUESTS_PER_CONNECTION} requests, every
     * other time by asking the server to ({@code Connection: close}), then by closing it itself.
     */
    private void client(String controlId, Instant until, Progress progress) {
        Connection c = null;
        int sent = 0;
        try {
            c = connect();
            List<Probe> mix = mix(c, controlId);
            int onConnection = 0;
            int connections = 0;
            while (progress.going(until)) {
                Probe p = mix.get(sent % mix.size());
                if (!c.reusable() || onConnection == REQUESTS_PER_CONNECTION) {
                    c.close();
                    c = connect();
                    onConnection = 0;
                    connections++;
                }
                onConnection++;
                boolean last = onConnection == REQUESTS_PER_CONNECTION && connections % 2 == 0;
                Answer a = c.send(last ? p.closing() : p.bytes(), p.request());
                sent++;
                if (a.status() != p.expected()) {
                    progress.stop(firstLine(p.request()) + " answered " + a.status() + ", not " + p.expected());
                    return;
                }
                progress.answered.incrementAndGet();
            }
        } catch (IOException | RuntimeException e) {
            progress.stop("request " + (sent + 1) + " failed: " + e);
        } finally {
            if (c != null) {
                c.close();
            }
        }
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
            mix.add(new Probe(get(path, json, adminToken), 200));
            mix.add(new Probe(get(path, json + "Accept-Encoding: gzip, deflate, br\r\n"), 200));
        }
        mix.add(new Probe(get("/api/v1/summary", terminal), 200));
        mix.add(new Probe(get("/api/v1/summary", browser), 200));
        mix.add(new Probe(get("/", terminal), 200));
        mix.add(new Probe(get("/api/v1/controls", terminal), 200));
        mix.add(new Probe(get("/api/v1/controls/" + controlId, browser), 200));
        c.send(get("/api/v1/summary", json)).etag().ifPresent(tag ->
                mix.add(new Probe(get("/api/v1/summary", json + "If-None-Match: " + tag + "\r\n"), 304)));
        mix.add(new Probe(head("/api/v1/summary") + json + "\r\n", publicRead ? 200 : 401));
        mix.add(new Probe(get("/healthz", json), 200));
        return mix;
    }

    private String get(String path, String headers) {
        return get(path, headers, readToken);
    }

    private String get(String path, String headers, String token) {
        return head(path) + "Authorization: Bearer " + token + "\r\n" + headers + "\r\n";
    }

    private String head(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + HOST + ":" + server.getPort() + "\r\n";
    }

    /** A request of the mix, encoded once, also in the form that asks the server to close the connection. */
    private record Probe(String request, int expected, byte[] bytes, byte[] closing) {

        Probe(String request, int expected) {
            this(request, expected, request.getBytes(StandardCharsets.ISO_8859_1), (request.substring(0,
                    request.length() - 2) + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private record Answer(int status, Optional<String> etag) {
    }

    /**
     * One kept-alive HTTP/1.1 connection: a request out, its whole response (by Content-Length) back; closed for
     * further requests once the server said {@code Connection: close}. The answer is read in blocks and its head
     * scanned as bytes: the warm-up's client runs in the kernel's JVM, and a client that builds a string per header
     * line had the JIT spend a seventh of its work before listening on the client.
     */
    private static final class Connection {
        private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.ISO_8859_1);
        private static final byte[] ETAG = "etag:".getBytes(StandardCharsets.ISO_8859_1);
        private static final byte[] CONNECTION = "connection:".getBytes(StandardCharsets.ISO_8859_1);
        private static final byte[] TRANSFER_ENCODING = "transfer-encoding:".getBytes(StandardCharsets.ISO_8859_1);
        private static final byte[] CLOSE = "close".getBytes(StandardCharsets.ISO_8859_1);

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private byte[] buffer = new byte[32 * 1024];
        /** The unread bytes are {@code buffer[from, to)}. */
        private int from;
        private int to;
        private boolean closeAnnounced;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
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
            return send(request.getBytes(StandardCharsets.ISO_8859_1), request);
        }

        Answer send(byte[] request, String forErrors) throws IOException {
            out.write(request);
            out.flush();
            int headEnd = headEnd();
            int status = headEnd - from >= 12 && startsWith(from, "HTTP/1.1 ") ? (int) digits(from + 9, from + 12) : -1;
            long length = 0;
            Optional<String> etag = Optional.empty();
            for (int line = lineAfter(from, headEnd); line < headEnd; line = lineAfter(line, headEnd)) {
                if (named(line, CONTENT_LENGTH)) {
                    length = digits(valueStart(line, CONTENT_LENGTH), lineEnd(line, headEnd));
                    if (length < 0) {
                        throw new IOException("an unreadable Content-Length in the answer to " + firstLine(forErrors));
                    }
                } else if (named(line, ETAG)) {
                    int v = valueStart(line, ETAG);
                    etag = Optional.of(new String(buffer, v, lineEnd(line, headEnd) - v, StandardCharsets.ISO_8859_1)
                            .strip());
                } else if (named(line, CONNECTION)) {
                    closeAnnounced |= contains(valueStart(line, CONNECTION), lineEnd(line, headEnd), CLOSE);
                } else if (named(line, TRANSFER_ENCODING)) {
                    throw new IOException("a chunked answer to " + firstLine(forErrors)
                            + " (the kernel's answers carry their length)");
                }
            }
            from = headEnd + 4;
            // a 304 has no body, whatever its Content-Length says (the length of the 200 it stands for)
            skip(status == 304 ? 0 : length);
            return new Answer(status, etag);
        }

        /** Reads until the buffer holds the whole head; returns where its closing CRLF CRLF starts. */
        private int headEnd() throws IOException {
            int i = from;
            while (true) {
                for (; i + 3 < to; i++) {
                    if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                        return i;
                    }
                }
                int scanned = i - from;
                fill();
                i = from + scanned;
            }
        }

        /** Reads more into the buffer, moving the unread bytes to its start first (and growing it if they fill it). */
        private void fill() throws IOException {
            if (from > 0) {
                System.arraycopy(buffer, from, buffer, 0, to - from);
                to -= from;
                from = 0;
            }
            if (to == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int n = in.read(buffer, to, buffer.length - to);
            if (n < 0) {
                throw new EOFException("the warm-up server closed the connection");
            }
            to += n;
        }

        private void skip(long length) throws IOException {
            long inBuffer = Math.min(length, to - from);
            from += (int) inBuffer;
            long left = length - inBuffer;
            while (left > 0) {
                from = 0;
                to = 0;
                fill();
                int taken = (int) Math.min(left, to);
                from = taken;
                left -= taken;
            }
        }

        private boolean startsWith(int at, String prefix) {
            for (int i = 0; i < prefix.length(); i++) {
                if (buffer[at + i] != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the header line at {@code at} has this (lower-case, colon-ended) name, in any case. */
        private boolean named(int at, byte[] name) {
            if (at + name.length > to) {
                return false;
            }
            for (int i = 0; i < name.length; i++) {
                byte b = buffer[at + i];
                if ((b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b) != name[i]) {
                    return false;
                }
            }
            return true;
        }

        private int valueStart(int line, byte[] name) {
            return line + name.length;
        }

        /** Where the line after the one at {@code at} starts, or {@code headEnd} after the last. */
        private int lineAfter(int at, int headEnd) {
            int end = lineEnd(at, headEnd);
            return end < headEnd ? end + 2 : headEnd;
        }

        private int lineEnd(int at, int headEnd) {
            for (int i = at; i < headEnd; i++) {
                if (buffer[i] == '\r') {
                    return i;
                }
            }
            return headEnd;
        }

        private long digits(int start, int end) {
            long n = 0;
            for (int i = start; i < end; i++) {
                byte b = buffer[i];
                if (b >= '0' && b <= '9') {
                    n = n * 10 + (b - '0');
                } else if (b != ' ' && b != '\t') {
                    return -1;
                }
            }
            return n;
        }

        private boolean contains(int start, int end, byte[] word) {
            for (int i = start; i + word.length <= end; i++) {
                if (named(i, word)) {
                    return true;
                }
            }
            return false;
        }
    }
}
