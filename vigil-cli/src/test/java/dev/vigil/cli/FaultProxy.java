package dev.vigil.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Stands between the agent and a real kernel on loopback and misbehaves on request: answers 503, holds a request
 * before passing it on, passes it on and answers too late, or passes it on and then crashes the kernel. Requests without a queued fault pass through.
 */
final class FaultProxy implements AutoCloseable {

    /** What to do with one request. */
    sealed interface Fault {
        /** Answer 503 with a Retry-After, without asking the kernel. */
        record Unavailable(int retryAfterSeconds) implements Fault {
        }

        /** Wait, then pass the request on. */
        record HoldFirst(Duration pause) implements Fault {
        }

        /**
         * Pass the request on (the kernel stores it), then run {@code crash} (kill the kernel) and drop the
         * connection without an answer: to the agent, the kernel died in the middle of its request.
         */
        record ForwardThenCrash(Runnable crash) implements Fault {
        }

        /** Pass the request on (the kernel stores it), then wait before answering: past the client's timeout. */
        record AnswerLate(Duration pause) implements Fault {
        }
    }

    private final HttpServer server;
    private final URI kernel;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    final List<Instant> requests = new CopyOnWriteArrayList<>();
    final List<Integer> kernelAnswers = new CopyOnWriteArrayList<>();

    FaultProxy(URI kernel) {
        this.kernel = kernel;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    FaultProxy then(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            faults.add(fault);
        }
        return this;
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.add(Instant.now());
        byte[] body = ex.getRequestBody().readAllBytes();
        Fault fault = faults.poll();
        try {
            if (fault instanceof Fault.Unavailable u) {
                ex.getResponseHeaders().set("Retry-After", String.valueOf(u.retryAfterSeconds()));
                send(ex, 503, "application/problem+json",
                        "{\"type\":\"/problems/unavailable\",\"title\":\"Service unavailable\",\"status\":503,\"detail\":\"test proxy says: later\"}");
                return;
            }
            if (fault instanceof Fault.HoldFirst h) {
                Thread.sleep(h.pause());
            }
            HttpResponse<String> r;
            try {
                HttpRequest.Builder forward = HttpRequest.newBuilder(kernel.resolve(ex.getRequestURI().toString()))
                        .header("Authorization", ex.getRequestHeaders().getFirst("Authorization"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                String coding = ex.getRequestHeaders().getFirst("Content-Encoding");
                if (coding != null) {
                    forward.header("Content-Encoding", coding);
                }
                r = http.send(forward.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                send(ex, 502, "text/plain", "kernel unreachable: " + e);
                return;
            }
            kernelAnswers.add(r.statusCode());
            if (fault instanceof Fault.ForwardThenCrash c) {
                c.crash().run();
                return;
            }
            if (fault instanceof Fault.AnswerLate l) {
                Thread.sleep(l.pause());
            }
            send(ex, r.statusCode(), r.headers().firstValue("Content-Type").orElse("application/json"), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the agent gave up waiting: exactly the case under test
        } finally {
            ex.close();
        }
    }

    private static void send(HttpExchange ex, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        http.close();
    }
}
