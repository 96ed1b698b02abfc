package dev.vigil.server.http;

import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Status;
import dev.vigil.server.Kernel;
import dev.vigil.server.KernelConfig;
import dev.vigil.server.metrics.PrometheusText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /metrics} of a real kernel: the counters move with the requests and ingests it served. */
class MetricsApiTest {

    static final String HOST = "0123456789abcdef0123456789abcdef";
    static final String REQUESTS = "vigil_http_requests_total";

    @TempDir
    Path dir;

    final Fleet.TestClock clock = new Fleet.TestClock();
    Kernel kernel;
    KernelClient client;
    String writer;
    String reader;

    @BeforeEach
    void start() {
        Tokens tokens = Tokens.create(dir, clock);
        writer = tokens.writer();
        reader = tokens.reader();
        kernel = Kernel.start(KernelConfig.defaults(dir).withPort(0).withClock(clock));
        client = new KernelClient(kernel);
    }

    @AfterEach
    void stop() {
        kernel.close();
    }

    PrometheusText scrape() {
        KernelClient.Reply r = client.get("/metrics", reader);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain; version=0.0.4");
        return PrometheusText.parse(r.body());
    }

    /**
     * A request is counted when its response has been written, which a client may see a moment before; so the
     * HTTP counters are read until they show what the test expects, for at most a few seconds.
     */
    PrometheusText scrapeUntil(Predicate<PrometheusText> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        PrometheusText t = scrape();
        while (!expected.test(t) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            t = scrape();
        }
        return t;
    }

    static double requests(PrometheusText t, String route, String method, String status) {
        return t.value(REQUESTS, "route", route, "method", method, "status", status);
    }

    @Test
    void ingestsAreCountedByOutcomeAndTheStoreByCommit() {
        Report first = Fleet.report(HOST, "web-1", OsFamily.LINUX, 0, Status.PASS, Status.PASS, Status.PASS);
        Report worse = Fleet.report(HOST, "web-1", OsFamily.LINUX, 10, Status.FAIL, Status.PASS, Status.PASS);
        PrometheusText before = scrape();

        assertThat(client.ingest(writer, first).status()).isEqualTo(201);
        assertThat(client.ingest(writer, first).status()).isEqualTo(200);
        assertThat(client.ingest(writer, worse).status()).isEqualTo(201);
        assertThat(client.post("/api/v1/reports", writer, "{").status()).isEqualTo(400);
        PrometheusText after = scrape();

        String ingests = "vigil_ingest_reports_total";
        assertThat(before.value(ingests, "outcome", "stored")).isZero();
        assertThat(after.value(ingests, "outcome", "stored")).isEqualTo(2);
        assertThat(after.value(ingests, "outcome", "duplicate")).isEqualTo(1);
        assertThat(after.value(ingests, "outcome", "rejected")).isEqualTo(1);
        assertThat(after.value(ingests, "outcome", "failed")).isZero();
        // the three valid submissions reached the store's writer; the malformed one did not
        assertThat(after.value("vigil_store_commit_batch_writes_sum")).isEqualTo(3);
        double commits = after.value("vigil_store_commit_batch_writes_count");
        assertThat(commits).isBetween(1.0, 3.0);
        assertThat(after.value("vigil_store_commit_duration_seconds_count")).isEqualTo(commits);
        assertThat(after.value("vigil_store_commit_duration_seconds_sum")).isPositive();
        assertThat(after.value("vigil_store_commit_failures_total")).isZero();
        assertThat(after.value("vigil_fleet_hosts")).isEqualTo(1);
        assertThat(after.value("vigil_fleet_hosts_by_status", "status", "failing")).isEqualTo(1);
        assertThat(after.value("vigil_fleet_hosts_by_status", "status", "passing")).isZero();
    }

    @Test
    void requestsAreCountedByRouteTemplateMethodAndStatusClass() throws InterruptedException {
        assertThat(client.ingest(writer, Fleet.passing(HOST, 0)).status()).isEqualTo(201);
        for (int i = 0; i < 3; i++) {
            assertThat(client.get("/api/v1/hosts/" + HOST, reader).status()).isEqualTo(200);
        }
        assertThat(client.get("/api/v1/hosts/ffffffffffffffffffffffffffffffff", reader).status()).isEqualTo(404);
        assertThat(client.get("/api/v1/nothing/here", reader).status()).isEqualTo(404);
        assertThat(client.post("/api/v1/summary", reader, "{}").status()).isEqualTo(405);
        assertThat(client.get("/api/v1/summary", null).status()).isEqualTo(401);

        String host = "/api/v1/hosts/{host_id}";
        PrometheusText t = scrapeUntil(s -> requests(s, "/api/v1/summary", "GET", "4xx") == 1);

        assertThat(requests(t, "/api/v1/reports", "POST", "2xx")).isEqualTo(1);
        assertThat(requests(t, host, "GET", "2xx")).isEqualTo(3);
        assertThat(requests(t, host, "GET", "4xx")).isEqualTo(1);
        assertThat(requests(t, "unmatched", "GET", "4xx")).isEqualTo(1);
        assertThat(requests(t, "/api/v1/summary", "POST", "4xx")).isEqualTo(1);
        assertThat(requests(t, "/api/v1/summary", "GET", "4xx")).isEqualTo(1);
        assertThat(t.value("vigil_http_request_duration_seconds_count", "route", host)).isEqualTo(4);
        // labels name route templates only: no host id, no unknown path ever becomes a series
        String all = client.get("/metrics", reader).body();
        assertThat(all).doesNotContain(HOST, "ffffffff", "/api/v1/nothing");
    }

    @Test
    void everyFamilyParsesAndEveryHistogramIsConsistent() throws InterruptedException {
        client.ingest(writer, Fleet.passing(HOST, 0));
        client.get("/api/v1/controls", reader);
        PrometheusText t = scrapeUntil(s -> requests(s, "/api/v1/controls", "GET", "2xx") == 1);

        // parse() already checked the syntax, cumulative buckets, +Inf = _count and _sum against the buckets
        assertThat(t.families()).containsKeys("vigil_http_requests_total", "vigil_http_request_duration_seconds",
                "vigil_ingest_reports_total", "vigil_store_commit_duration_seconds",
                "vigil_store_commit_batch_writes", "vigil_fleet_hosts", "vigil_fleet_hosts_by_status",
                "vigil_fleet_stale_hosts", "vigil_uptime_seconds");
        assertThat(t.families().values()).allSatisfy(f -> {
            assertThat(f.help()).as(f.name()).isNotBlank();
            assertThat(f.samples()).as(f.name()).isNotEmpty();
        });
        assertThat(t.family("vigil_http_request_duration_seconds").orElseThrow().type()).isEqualTo("histogram");
        assertThat(t.value("vigil_uptime_seconds")).isPositive();
    }

    @Test
    void metricsAreReadLikeTheFleet() {
        assertThat(client.get("/metrics", null).status()).isEqualTo(401);
        assertThat(client.get("/metrics", writer).status()).isEqualTo(403);
        assertThat(client.get("/metrics", reader).status()).isEqualTo(200);
    }
}
