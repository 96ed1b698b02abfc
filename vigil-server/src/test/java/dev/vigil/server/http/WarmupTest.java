package dev.vigil.server.http;

import dev.vigil.server.fleet.FleetView;
import dev.vigil.server.metrics.MetricsRegistry;
import dev.vigil.server.store.SqliteReportStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up before listening: every request of its mix gets the answer a healthy kernel gives, on a loopback
 * server of its own, with a token that is never stored.
 */
class WarmupTest {

    @TempDir
    Path dir;

    final Fleet.TestClock clock = new Fleet.TestClock();
    SqliteReportStore store;

    @BeforeEach
    void open() {
        store = SqliteReportStore.open(dir, clock);
    }

    final ServerPools pools = ServerPools.create();

    @AfterEach
    void close() throws Exception {
        pools.threads().stop();
        store.close();
    }

    final HttpApi.Settings settings = new HttpApi.Settings("127.0.0.1", 0, 1 << 20, false, 16, Duration.ofSeconds(5),
            Duration.ofDays(7), List.of(), Optional.empty());

    @Test
    void theWholeMixIsAnsweredAsExpectedUntilTheBudgetEnds() {
        Instant until = Instant.now().plusMillis(1500);
        Optional<Warmup.Outcome> outcome = HttpApi.warm(settings, pools, store, store.catalog(), clock, until);

        assertThat(outcome).hasValueSatisfying(o -> {
            assertThat(o.stoppedBecause()).as("why the warm-up stopped early").isEmpty();
            assertThat(o.requests()).isGreaterThan(20);
            assertThat(o.took()).isLessThan(Duration.ofSeconds(10));
        });
        assertThat(Instant.now()).isAfterOrEqualTo(until);
        assertThat(store.tokens()).isEmpty();
    }

    @Test
    void withPublicReadsTheMixStillRunsThrough() {
        HttpApi.Settings publicRead = new HttpApi.Settings("127.0.0.1", 0, 1 << 20, true, 16, Duration.ofSeconds(5),
                Duration.ofDays(7), List.of(), Optional.empty());

        assertThat(HttpApi.warm(publicRead, pools, store, store.catalog(), clock, Instant.now().plusMillis(800)))
                .hasValueSatisfying(o -> assertThat(o.stoppedBecause()).isEmpty());
    }

    @Test
    void aServerThatIsNotThereStopsItWithTheReason() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Warmup.Outcome o = new Warmup(new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort), "t", "a",
                false, 1).run("c", Instant.now().plusSeconds(5), 10);

        assertThat(o.requests()).isZero();
        assertThat(o.stoppedBecause()).hasValueSatisfying(why -> assertThat(why)
                .startsWith("request 1 failed: java.net.ConnectException"));
    }

    @Test
    void aConnectionTheServerClosesIsOpenedAgain() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> answerOncePerConnection(server));
            Warmup.Outcome o = new Warmup(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    server.getLocalPort()), "t", "a", false, 1).run("c", Instant.now().plusSeconds(5), 100);

            // every answer is 200 and closes its connection: the mix runs over fresh connections up to its first 304
            assertThat(o.stoppedBecause()).hasValueSatisfying(why -> assertThat(why).endsWith("answered 200, not 304"));
            assertThat(o.requests()).isGreaterThan(10);
        }
    }

    private static void answerOncePerConnection(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    // the request's head; a GET has no body
                }
                s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nETag: \"x\"\r\n"
                        + "Connection: close\r\n\r\nok").getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                return; // the test closed the server
            }
        }
    }

    @Test
    void clientsAtOnceOpenAndCloseConnectionsAsRealClientsDoWithATokenOfEachScope() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            KeepAliveServer fake = new KeepAliveServer(server);
            Thread.ofVirtual().start(fake::acceptAll);
            int max = 4 * Warmup.REQUESTS_PER_CONNECTION;
            Warmup.Outcome o = new Warmup(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    server.getLocalPort()), "reader", "admin", false, 2).run("c", Instant.now().plusSeconds(20), max);

            assertThat(o.stoppedBecause()).as("why the warm-up stopped early").isEmpty();
            assertThat(o.requests()).isEqualTo(max);
            // two clients, each on a fresh connection after every REQUESTS_PER_CONNECTION requests
            assertThat(fake.connections.get()).isGreaterThanOrEqualTo(4);
            assertThat(fake.closeRequested.get()).as("requests with Connection: close").isPositive();
            assertThat(fake.metTheOther.get()).as("first requests of the first two connections in flight at once")
                    .isEqualTo(2);
            assertThat(fake.tokens).contains("reader", "admin");
        }
    }

    /**
     * Answers every request on a connection until the client closes it or asks to: 304 to a conditional GET, 401
     * without a token, else 200 with a body larger than the client's buffer, header names in other cases.
     */
    private static final class KeepAliveServer {
        final ServerSocket server;
        final AtomicInteger connections = new AtomicInteger();
        /** The first requests of the first two connections wait for each other (up to 5 s): how many met? */
        final CountDownLatch firstTwo = new CountDownLatch(2);
        final AtomicInteger metTheOther = new AtomicInteger();
        final AtomicInteger closeRequested = new AtomicInteger();
        final Set<String> tokens = ConcurrentHashMap.newKeySet();
        final byte[] body = "x".repeat(40_000).getBytes(StandardCharsets.ISO_8859_1);

        KeepAliveServer(ServerSocket server) {
            this.server = server;
        }

        void acceptAll() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    int n = connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(s, n <= 2));
                } catch (IOException e) {
                    return; // the test closed the server
                }
            }
        }

        private void serve(Socket s, boolean meetsTheOther) {
            try (s) {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                s.setTcpNoDelay(true);
                OutputStream out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    boolean conditional = false;
                    boolean close = false;
                    String token = null;
                    for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                        conditional |= h.startsWith("If-None-Match:");
                        close |= h.equalsIgnoreCase("Connection: close");
                        if (h.startsWith("Authorization: Bearer ")) {
                            token = h.substring(22);
                        }
                    }
                    if (token != null) {
                        tokens.add(token);
                    }
                    if (meetsTheOther) {
                        meetsTheOther = false;
                        firstTwo.countDown();
                        if (firstTwo.await(5, TimeUnit.SECONDS)) {
                            metTheOther.incrementAndGet();
                        }
                    }
                    if (conditional) {
                        out.write("HTTP/1.1 304 Not Modified\r\nETAG: \"x\"\r\ncontent-length: 40000\r\n\r\n"
                                .getBytes(StandardCharsets.ISO_8859_1));
                    } else if (token == null) {
                        out.write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 2\r\n\r\nno"
                                .getBytes(StandardCharsets.ISO_8859_1));
                    } else {
                        String head = "HTTP/1.1 200 OK\r\nETag: \"x\"\r\nCONTENT-LENGTH: " + body.length
                                + (close ? "\r\nConnection: close" : "") + "\r\n\r\n";
                        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                        out.write(body);
                    }
                    out.flush();
                    if (close) {
                        closeRequested.incrementAndGet();
                        return;
                    }
                }
            } catch (IOException e) {
                // the client went away
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void theServerThatListensTakesTheWarmedPoolsAndStopsThemWithIt() throws Exception {
        assertThat(HttpApi.warm(settings, pools, store, store.catalog(), clock, Instant.now().plusMillis(500)))
                .hasValueSatisfying(o -> assertThat(o.stoppedBecause()).isEmpty());
        assertThat(pools.threads().isRunning()).as("the threads once the warm-up's server stopped").isTrue();

        try (HttpApi api = HttpApi.start(settings, pools, store, new FleetView(clock), store.catalog(), clock,
                new MetricsRegistry())) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(api.uri().resolve("/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
        assertThat(pools.threads().isStopped()).as("the threads once the listening server stopped").isTrue();
    }

    @Test
    void noTimeLeftNoWarmup() {
        assertThat(HttpApi.warm(settings, pools, store, store.catalog(), clock, Instant.now())).isEmpty();
    }
}
