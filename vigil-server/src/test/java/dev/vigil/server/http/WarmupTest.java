package dev.vigil.server.http;

import dev.vigil.server.store.SqliteReportStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    @AfterEach
    void close() {
        store.close();
    }

    final HttpApi.Settings settings = new HttpApi.Settings("127.0.0.1", 0, 1 << 20, false, 16, Duration.ofSeconds(5),
            Duration.ofDays(7), List.of(), Optional.empty());

    @Test
    void theWholeMixIsAnsweredAsExpectedUntilTheBudgetEnds() {
        Instant until = Instant.now().plusMillis(1500);
        Optional<Warmup.Outcome> outcome = HttpApi.warm(settings, store, store.catalog(), clock, until);

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

        assertThat(HttpApi.warm(publicRead, store, store.catalog(), clock, Instant.now().plusMillis(800)))
                .hasValueSatisfying(o -> assertThat(o.stoppedBecause()).isEmpty());
    }

    @Test
    void aServerThatIsNotThereStopsItWithTheReason() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Warmup.Outcome o = new Warmup(new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort), "t", false)
                .run("c", Instant.now().plusSeconds(5), 10);

        assertThat(o.requests()).isZero();
        assertThat(o.stoppedBecause()).hasValueSatisfying(why -> assertThat(why)
                .startsWith("request 1 failed: java.net.ConnectException"));
    }

    @Test
    void aConnectionTheServerClosesIsOpenedAgain() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> answerOncePerConnection(server));
            Warmup.Outcome o = new Warmup(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    server.getLocalPort()), "t", false).run("c", Instant.now().plusSeconds(5), 100);

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
    void noTimeLeftNoWarmup() {
        assertThat(HttpApi.warm(settings, store, store.catalog(), clock, Instant.now())).isEmpty();
    }
}
