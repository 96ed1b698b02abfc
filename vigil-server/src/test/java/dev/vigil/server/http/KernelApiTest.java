package dev.vigil.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.json.ReportCodec;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Status;
import dev.vigil.server.Kernel;
import dev.vigil.server.KernelConfig;
import dev.vigil.server.Waiting;
import dev.vigil.server.store.Scope;
import dev.vigil.server.store.SqliteReportStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static dev.vigil.server.http.Fleet.DISK;
import static dev.vigil.server.http.Fleet.FIREWALL;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real kernel on port 0 in a temporary folder, spoken to over HTTP. */
class KernelApiTest {

    @TempDir
    Path dir;

    final Fleet.TestClock clock = new Fleet.TestClock();
    String writer;
    String reader;
    Kernel kernel;
    KernelClient client;

    @BeforeEach
    void start() {
        try (SqliteReportStore store = SqliteReportStore.open(dir, clock)) {
            writer = store.createToken("agent", Scope.REPORT_WRITE).token();
            reader = store.createToken("dashboard", Scope.FLEET_READ).token();
        }
        startKernel(config());
    }

    KernelConfig config() {
        return KernelConfig.defaults(dir).withPort(0).withClock(clock);
    }

    void startKernel(KernelConfig config) {
        kernel = Kernel.start(config);
        client = new KernelClient(kernel);
    }

    @AfterEach
    void stop() {
        kernel.close();
    }

    KernelClient.Reply ingest(Report r) {
        return client.ingest(writer, r);
    }

    KernelClient.Reply read(String path, String... headers) {
        return client.get(path, reader, headers);
    }

    static void assertProblem(KernelClient.Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.path("type").asText()).startsWith("/problems/");
        assertThat(p.path("title").asText()).isNotBlank();
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.path("detail").asText()).isNotBlank();
        assertThat(r.body()).doesNotContain("at dev.vigil", "Exception");
    }

    // ---- ingest

    @Test
    void ingestAnswers201AndARetryAnswers200WithTheSameBody() {
        Report r = Fleet.passing("h1", 0);
        KernelClient.Reply first = ingest(r);
        KernelClient.Reply retry = ingest(r);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        JsonNode b = first.json();
        assertThat(b.path("host_id").asText()).isEqualTo("h1");
        assertThat(b.path("report_id").asText()).isEqualTo(r.reportId().toString());
        assertThat(b.path("score").asInt()).isEqualTo(r.summary().score());
        assertThat(b.path("regressions").isArray()).isTrue();
        assertThat(b.path("regressions")).isEmpty();
        assertThat(read("/api/v1/hosts/h1/reports").json().path("reports")).hasSize(1);
    }

    @Test
    void ingestNamesTheRegressionsAgainstTheHostsPreviousReportAlsoOnRetry() {
        ingest(Fleet.passing("h1", 0));
        Report worse = Fleet.report("h1", "host-h1", OsFamily.LINUX, 10, Status.FAIL, Status.PASS, Status.PASS);
        KernelClient.Reply first = ingest(worse);
        KernelClient.Reply retry = ingest(worse);

        assertThat(first.status()).isEqualTo(201);
        JsonNode regressions = first.json().path("regressions");
        assertThat(regressions).hasSize(1);
        assertThat(regressions.get(0).path("control").asText()).isEqualTo(FIREWALL);
        assertThat(regressions.get(0).path("from").asText()).isEqualTo("PASS");
        assertThat(regressions.get(0).path("to").asText()).isEqualTo("FAIL");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @Test
    void aRetryWithADifferentBodyIsAnsweredFromTheFirstAndChangesNothing() {
        ingest(Fleet.passing("h1", 0));
        Report worse = Fleet.report("h1", "host-h1", OsFamily.LINUX, 10, Status.FAIL, Status.PASS, Status.PASS);
        Report sameIdBetter = Report.of(worse.reportId(), worse.host(), worse.agent(), worse.startedAt(),
                worse.finishedAt(), worse.elevated(), Fleet.passing("h1", 10).findings());
        KernelClient.Reply first = ingest(worse);
        KernelClient.Reply retry = ingest(sameIdBetter);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.json().path("score").asInt()).isEqualTo(worse.summary().score())
                .isNotEqualTo(sameIdBetter.summary().score());
        JsonNode host = read("/api/v1/hosts/h1").json();
        assertThat(host.path("latest_report").path("report_id").asText()).isEqualTo(worse.reportId().toString());
        assertThat(host.path("controls").path(FIREWALL).asText()).isEqualTo("FAIL");
        assertThat(read("/api/v1/hosts/h1/reports").json().path("reports")).hasSize(2);
    }

    @Test
    void malformedJsonIsA400NamingLineAndColumn() {
        KernelClient.Reply r = client.post("/api/v1/reports", writer, "{\n  \"schema\": \"vigil.report/1\",\n  oops\n}");
        assertProblem(r, 400);
        assertThat(r.json().path("detail").asText()).contains("line 3", "column");
    }

    @Test
    void anUnknownStatusIsA400NamingTheField() {
        ObjectNode tree = (ObjectNode) ReportCodec.instance().tree(ReportCodec.instance().write(Fleet.passing("h1", 0)));
        ((ObjectNode) tree.path("findings").get(1)).put("status", "MAYBE");
        KernelClient.Reply r = client.post("/api/v1/reports", writer, tree.toString());
        assertProblem(r, 400);
        assertThat(r.json().path("field").asText()).isEqualTo("findings[1].status");
        assertThat(r.json().path("detail").asText()).contains("findings[1].status");
    }

    @Test
    void aControlOutsideTheCatalogIsA400NamingTheControl() {
        ObjectNode tree = (ObjectNode) ReportCodec.instance().tree(ReportCodec.instance().write(Fleet.passing("h1", 0)));
        ((ObjectNode) tree.path("findings").get(2)).put("control", "made.up");
        KernelClient.Reply r = client.post("/api/v1/reports", writer, tree.toString());
        assertProblem(r, 400);
        assertThat(r.json().path("field").asText()).isEqualTo("findings[2].control");
        assertThat(r.json().path("detail").asText()).contains("made.up");
    }

    @Test
    void aSummaryThatContradictsTheFindingsIsA400NamingTheSummary() {
        ObjectNode tree = (ObjectNode) ReportCodec.instance().tree(ReportCodec.instance().write(Fleet.passing("h1", 0)));
        ((ObjectNode) tree.path("summary")).put("fail", 2);
        KernelClient.Reply r = client.post("/api/v1/reports", writer, tree.toString());
        assertProblem(r, 400);
        assertThat(r.json().path("field").asText()).isEqualTo("summary");
    }

    @Test
    void aReportFinishedMoreThanFiveMinutesInTheFutureIsA400NamingFinishedAt() {
        int minutesAhead = 24 * 60 + 6; // the clock is a day after T0
        KernelClient.Reply r = ingest(Fleet.passing("h1", minutesAhead));
        assertProblem(r, 400);
        assertThat(r.json().path("field").asText()).isEqualTo("finished_at");
        assertThat(ingest(Fleet.passing("h1", 24 * 60 + 4)).status()).isEqualTo(201);
    }

    @Test
    void aBodyOverTheLimitIsA413NamingTheLimit() {
        kernel.close();
        startKernel(config().withBodyLimit(4096));
        KernelClient.Reply r = client.post("/api/v1/reports", writer, new byte[10_000]);
        assertProblem(r, 413);
        assertThat(r.json().path("limit").asLong()).isEqualTo(4096);
        assertThat(r.json().path("detail").asText()).contains("4096");
    }

    @Test
    void aGzipCompressedReportIsStoredAndServedAsItsJson() {
        Report r = Fleet.passing("h1", 0);
        String json = ReportCodec.instance().write(r);
        KernelClient.Reply first = client.post("/api/v1/reports", writer, gzip(json.getBytes(UTF_8)),
                "Content-Encoding", "gzip");
        KernelClient.Reply plainRetry = ingest(r);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(plainRetry.status()).isEqualTo(200);
        assertThat(plainRetry.body()).isEqualTo(first.body());
        assertThat(read("/api/v1/reports/" + r.reportId()).body()).isEqualTo(json);
    }

    static List<Arguments> brokenGzip() {
        byte[] json = ReportCodec.instance().write(Fleet.passing("h1", 0)).getBytes(UTF_8);
        byte[] member = gzip(json);
        byte[] badCrc = member.clone();
        badCrc[badCrc.length - 8] ^= 1;
        return List.of(
                Arguments.of("plain JSON said to be gzip", json, "does not start with a gzip header"),
                Arguments.of("cut short", Arrays.copyOf(member, member.length - 20), "ends before its last block"),
                Arguments.of("a wrong CRC-32", badCrc, "CRC-32 does not match"),
                Arguments.of("two members", concat(member, member), "follow the gzip member"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenGzip")
    void aGzipBodyThatIsNotOneValidMemberIsA400SayingWhyAndStoresNothing(String what, byte[] body, String why) {
        KernelClient.Reply r = client.post("/api/v1/reports", writer, body, "Content-Encoding", "gzip");
        assertProblem(r, 400);
        assertThat(r.json().path("detail").asText()).as(what).contains("Content-Encoding: gzip", why);
        assertThat(read("/api/v1/hosts").json().path("hosts")).isEmpty();
    }

    @Test
    void aGzipBodyThatInflatesPastTheLimitIsA413NamingTheLimit() {
        kernel.close();
        startKernel(config().withBodyLimit(4096));
        byte[] bomb = gzip(" ".repeat(1_000_000).getBytes(UTF_8));
        assertThat(bomb.length).isLessThan(4096);

        KernelClient.Reply r = client.post("/api/v1/reports", writer, bomb, "Content-Encoding", "gzip");
        assertProblem(r, 413);
        assertThat(r.json().path("limit").asLong()).isEqualTo(4096);
        assertThat(r.json().path("detail").asText()).contains("limit of 4096 bytes once decompressed");
    }

    @Test
    void aContentEncodingOtherThanGzipIsA415NamingWhatIsTaken() {
        byte[] json = ReportCodec.instance().write(Fleet.passing("h1", 0)).getBytes(UTF_8);
        KernelClient.Reply r = client.post("/api/v1/reports", writer, json, "Content-Encoding", "br");
        assertProblem(r, 415);
        assertThat(r.json().path("detail").asText()).contains("'br'");
        assertThat(r.json().path("accepted")).extracting(JsonNode::asText).containsExactly("gzip", "identity");
        assertThat(client.post("/api/v1/reports", writer, json, "Content-Encoding", "identity").status())
                .isEqualTo(201);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    // ---- auth

    @Test
    void aMissingOrUnknownTokenIsA401WithAChallenge() {
        for (String token : new String[] {null, "not-a-token"}) {
            KernelClient.Reply r = client.get("/api/v1/summary", token);
            assertProblem(r, 401);
            assertThat(r.header("www-authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
            assertThat(r.body()).doesNotContain("not-a-token");
        }
        assertProblem(client.ingest(null, Fleet.passing("h1", 0)), 401);
    }

    @Test
    void aTokenOfTheWrongScopeIsA403() {
        assertProblem(client.get("/api/v1/summary", writer), 403);
        KernelClient.Reply r = client.ingest(reader, Fleet.passing("h1", 0));
        assertProblem(r, 403);
        assertThat(r.json().path("scope").asText()).isEqualTo("report:write");
    }

    @Test
    void healthReadinessAndSchemaNeedNoToken() {
        assertThat(client.get("/healthz", null).json().path("status").asText()).isEqualTo("ok");
        assertThat(client.get("/readyz", null).status()).isEqualTo(200);
        KernelClient.Reply schema = client.get("/schema/report.json", null);
        assertThat(schema.status()).isEqualTo(200);
        assertThat(schema.json().path("$schema").isMissingNode()).isFalse();
    }

    @Test
    void aTokenRevokedByAnotherProcessWhileTheKernelRunsIsRefusedWithinAboutASecond() {
        assertThat(read("/api/v1/summary").status()).isEqualTo(200);
        try (SqliteReportStore cli = SqliteReportStore.open(dir, clock)) { // what `vigil token revoke` does
            String id = cli.tokens().stream().filter(t -> t.name().equals("dashboard")).findFirst().orElseThrow().id();
            assertThat(cli.revokeToken(id)).isTrue();
        }
        long millis = Waiting.millisUntil(() -> read("/api/v1/summary").status() == 401);
        assertThat(millis).isLessThan(2000);
    }

    @Test
    void publicReadServesReadsWithoutATokenButNotWrites() {
        kernel.close();
        startKernel(config().withPublicRead(true));
        assertThat(client.get("/api/v1/summary", null).status()).isEqualTo(200);
        assertProblem(client.ingest(null, Fleet.passing("h1", 0)), 401);
    }

    // ---- routes

    @Test
    void noAnswerNamesTheServerSoftwareOrItsVersion() {
        for (KernelClient.Reply r : List.of(read("/api/v1/summary"), read("/healthz"), read("/no/such/route"),
                client.get("/api/v1/summary", null), client.post("/api/v1/reports", writer, "{"))) {
            assertThat(r.raw().headers().firstValue("Server")).as("%d %s", r.status(), r.raw().uri()).isEmpty();
        }
    }

    @Test
    void anUnknownRouteIsA404AndAWrongMethodA405() {
        assertProblem(read("/api/v1/nothing"), 404);
        KernelClient.Reply r = client.post("/api/v1/summary", reader, "{}");
        assertProblem(r, 405);
        assertThat(r.header("allow")).hasValue("GET");
    }

    List<Report> someFleet() {
        List<Report> reports = Fleet.some();
        for (Report r : reports) {
            assertThat(ingest(r).status()).isEqualTo(201);
        }
        return reports;
    }

    @Test
    void summaryCountsHostsByStatusAndScoreAndListsTopFailingControls() {
        someFleet();
        JsonNode s = read("/api/v1/summary").json();
        assertThat(s.path("hosts").asInt()).isEqualTo(5);
        assertThat(s.path("by_status").path("failing").asInt()).isEqualTo(2);
        assertThat(s.path("by_status").path("warning").asInt()).isEqualTo(1);
        assertThat(s.path("by_status").path("passing").asInt()).isEqualTo(2);
        assertThat(s.path("scores").has("90-100")).isTrue();
        assertThat(s.path("top_failing").get(0).path("control").asText()).isEqualTo(FIREWALL);
        assertThat(s.path("top_failing").get(0).path("failing_hosts").asInt()).isEqualTo(2);
        assertThat(s.path("top_failing").get(0).path("title").asText()).isNotBlank();
        assertThat(s.path("stale_hosts").asInt()).isZero();
        assertThat(read("/api/v1/summary?stale=1h").json().path("stale_hosts").asInt()).isEqualTo(5);
        assertThat(read("/api/v1/summary?stale=PT1H").json().path("stalest")).hasSize(5);
    }

    @Test
    void theSummaryCountsHostsStaleByTheConfiguredThresholdUnlessTheQueryNamesOne() {
        kernel.close();
        startKernel(config().withStaleAfter(java.time.Duration.ofHours(12)));
        someFleet();
        JsonNode s = read("/api/v1/summary").json();
        assertThat(s.path("stale_after").asText()).isEqualTo("PT12H");
        assertThat(s.path("stale_hosts").asInt()).isEqualTo(5);
        assertThat(read("/api/v1/summary?stale=2d").json().path("stale_hosts").asInt()).isZero();
        assertThat(read("/api/v1/summary?format=text").body()).contains("Stale hosts: 5");
    }

    @Test
    void hostsAreListedByNameAndFiltered() {
        someFleet();
        JsonNode all = read("/api/v1/hosts").json();
        assertThat(all.path("hosts")).extracting(h -> h.path("hostname").asText())
                .containsExactly("alpha", "bravo", "charlie", "delta", "echo");
        JsonNode alpha = all.path("hosts").get(0);
        assertThat(alpha.path("host_id").asText()).isEqualTo("a1");
        assertThat(alpha.path("os").path("family").asText()).isEqualTo("linux");
        assertThat(alpha.path("status").asText()).isEqualTo("failing");
        assertThat(alpha.path("counts").path("fail").asInt()).isEqualTo(1);
        assertThat(alpha.path("last_seen").asText()).isEqualTo("2026-11-25T10:30:00Z");
        assertThat(all.path("next").isNull()).isTrue();

        assertThat(names(read("/api/v1/hosts?os=linux").json())).containsExactly("alpha", "delta", "echo");
        assertThat(names(read("/api/v1/hosts?status=failing").json())).containsExactly("alpha", "bravo");
        assertThat(names(read("/api/v1/hosts?failing=" + DISK).json())).containsExactly("bravo");
        assertThat(names(read("/api/v1/hosts?q=HAR").json())).containsExactly("charlie");
        clock.advance(java.time.Duration.ofMinutes(-24 * 60 + 20));
        assertThat(names(read("/api/v1/hosts?stale=10m").json())).containsExactly("delta");
    }

    static List<String> names(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("hosts").forEach(h -> out.add(h.path("hostname").asText()));
        return out;
    }

    @Test
    void pagingThroughHostsVisitsEachOnce() {
        someFleet();
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = read("/api/v1/hosts?limit=2" + (next == null ? "" : "&cursor=" + next)).json();
            seen.addAll(names(page));
            next = page.path("next").isNull() ? null : page.path("next").asText();
            pages++;
        } while (next != null);
        assertThat(seen).containsExactly("alpha", "bravo", "charlie", "delta", "echo");
        assertThat(pages).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}={1} is rejected")
    @CsvSource({
            "limit, 0", "limit, 1001", "limit, many", "os, plan9", "status, sleepy", "stale, soon", "stale, -PT1H",
            "cursor, not-a-cursor"})
    void aBadHostsParameterIsA400NamingIt(String name, String value) {
        KernelClient.Reply r = read("/api/v1/hosts?" + name + "=" + value);
        assertProblem(r, 400);
        assertThat(r.json().path("parameter").asText()).isEqualTo(name);
    }

    @Test
    void aHostShowsItsSummaryControlsAndLatestReport() {
        someFleet();
        JsonNode h = read("/api/v1/hosts/a1").json();
        assertThat(h.path("host").path("hostname").asText()).isEqualTo("alpha");
        assertThat(h.path("controls").path(FIREWALL).asText()).isEqualTo("FAIL");
        assertThat(h.path("latest_report").path("schema").asText()).isEqualTo("vigil.report/1");
        assertThat(h.path("latest_report").path("findings")).hasSize(3);
        assertProblem(read("/api/v1/hosts/nope"), 404);
    }

    @Test
    void aHostsHistoryIsNewestFirstAndPaged() {
        List<Report> reports = someFleet();
        JsonNode first = read("/api/v1/hosts/a1/reports?limit=1").json();
        assertThat(first.path("host_id").asText()).isEqualTo("a1");
        assertThat(first.path("reports")).hasSize(1);
        JsonNode latest = first.path("reports").get(0);
        assertThat(latest.path("report_id").asText()).isEqualTo(reports.get(1).reportId().toString());
        assertThat(latest.path("finished_at").asText()).isEqualTo("2026-11-25T10:30:00Z");
        assertThat(latest.has("received_at")).isTrue();
        JsonNode second = read("/api/v1/hosts/a1/reports?limit=1&cursor=" + first.path("next").asText()).json();
        assertThat(second.path("reports").get(0).path("report_id").asText())
                .isEqualTo(reports.get(0).reportId().toString());
    }

    @Test
    void theDiffComparesThePreviousReportWithTheLatestByDefault() {
        List<Report> reports = someFleet();
        JsonNode d = read("/api/v1/hosts/a1/diff").json();
        assertThat(d.path("from_report").asText()).isEqualTo(reports.get(0).reportId().toString());
        assertThat(d.path("to_report").asText()).isEqualTo(reports.get(1).reportId().toString());
        assertThat(d.path("regressions")).extracting(c -> c.path("control").asText()).containsExactly(FIREWALL);

        JsonNode reverse = read("/api/v1/hosts/a1/diff?from=" + reports.get(1).reportId() + "&to="
                + reports.get(0).reportId()).json();
        assertThat(reverse.path("fixes")).extracting(c -> c.path("control").asText()).containsExactly(FIREWALL);
        assertProblem(read("/api/v1/hosts/b2/diff"), 404);
        KernelClient.Reply bad = read("/api/v1/hosts/a1/diff?from=x&to=y");
        assertProblem(bad, 400);
        assertThat(bad.json().path("parameter").asText()).isEqualTo("from");
        assertProblem(read("/api/v1/hosts/a1/diff?from=" + reports.get(2).reportId() + "&to="
                + reports.get(1).reportId()), 404);
    }

    @Test
    void reportsFinishedAtTheSameInstantKeepOneOrderInTheHostPageItsHistoryAndTheDiff() {
        Report a = Fleet.report("a1", "alpha", OsFamily.LINUX, 30, Status.PASS, Status.PASS, Status.PASS);
        Report b = Fleet.report("a1", "alpha", OsFamily.LINUX, 30, Status.FAIL, Status.PASS, Status.PASS);
        Report greater = a.reportId().toString().compareTo(b.reportId().toString()) > 0 ? a : b;
        Report lesser = greater == a ? b : a;
        assertThat(ingest(greater).status()).isEqualTo(201);
        assertThat(ingest(lesser).status()).as("arrives last, ranks below").isEqualTo(201);

        String latest = read("/api/v1/hosts/a1").json().path("latest_report").path("report_id").asText();
        JsonNode history = read("/api/v1/hosts/a1/reports").json().path("reports");
        JsonNode d = read("/api/v1/hosts/a1/diff").json();

        assertThat(latest).isEqualTo(greater.reportId().toString());
        assertThat(history).extracting(r -> r.path("report_id").asText())
                .containsExactly(greater.reportId().toString(), lesser.reportId().toString());
        assertThat(d.path("from_report").asText()).isEqualTo(lesser.reportId().toString());
        assertThat(d.path("to_report").asText()).isEqualTo(latest);
    }

    @Test
    void aReportIsServedAsIngested() {
        Report r = someFleet().get(2);
        KernelClient.Reply got = read("/api/v1/reports/" + r.reportId());
        assertThat(got.status()).isEqualTo(200);
        assertThat(ReportCodec.instance().read(got.body())).isEqualTo(r);
        assertProblem(read("/api/v1/reports/00000000-0000-0000-0000-000000000000"), 404);
        assertProblem(read("/api/v1/reports/not-a-uuid"), 404);
    }

    @Test
    void controlsCarryTheCatalogWithFleetCounts() {
        someFleet();
        JsonNode controls = read("/api/v1/controls").json().path("controls");
        assertThat(controls.size()).isGreaterThan(3);
        JsonNode firewall = null;
        for (JsonNode c : controls) {
            if (c.path("id").asText().equals(FIREWALL)) {
                firewall = c;
            }
        }
        assertThat(firewall).isNotNull();
        assertThat(firewall.path("title").asText()).isNotBlank();
        assertThat(firewall.path("severity").asText()).isNotBlank();
        assertThat(firewall.path("hosts").path("fail").asInt()).isEqualTo(2);
        assertThat(firewall.path("hosts").path("pass").asInt()).isEqualTo(3);

        JsonNode one = read("/api/v1/controls/" + FIREWALL).json();
        assertThat(one.path("control").path("id").asText()).isEqualTo(FIREWALL);
        assertThat(one.path("control").path("rationale").asText()).isNotBlank();
        assertThat(one.path("hosts").path("fail").asInt()).isEqualTo(2);
        assertThat(names(one.path("failing"))).containsExactly("alpha", "bravo");
        assertProblem(read("/api/v1/controls/made.up"), 404);
    }

    // ---- caching

    @Test
    void aCachedResponseCarriesAStrongEtagAndAnswers304UntilTheFleetChanges() {
        someFleet();
        KernelClient.Reply first = read("/api/v1/summary");
        String etag = first.header("etag").orElseThrow();
        assertThat(etag).startsWith("\"").endsWith("\"");
        KernelClient.Reply again = read("/api/v1/summary", "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        // RFC 9110 8.6: a 304's Content-Length, if sent, is that of the 200 it stands for
        assertThat(again.header("content-length")).isPresent().isEqualTo(first.header("content-length"));
        assertThat(read("/api/v1/summary").body()).isEqualTo(first.body());

        ingest(Fleet.passing("z9", 40));
        KernelClient.Reply changed = read("/api/v1/summary", "If-None-Match", etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("etag")).isPresent().get().isNotEqualTo(etag);
        assertThat(changed.json().path("hosts").asInt()).isEqualTo(6);
    }

    // ---- lifecycle

    @Test
    void aRestartServesTheSameFleet() {
        someFleet();
        String hosts = read("/api/v1/hosts").body();
        String summary = read("/api/v1/summary").body();
        kernel.close();
        startKernel(config());
        assertThat(kernel.adminToken()).isEmpty();
        assertThat(kernel.hostsAtStart()).isEqualTo(5);
        assertThat(read("/api/v1/hosts").body()).isEqualTo(hosts);
        assertThat(read("/api/v1/summary").body()).isEqualTo(summary);
        assertThat(read("/api/v1/hosts/a1/reports").json().path("reports")).hasSize(2);
        assertThat(ingest(someFleetReport()).status()).isEqualTo(200);
    }

    private static Report someFleetReport() {
        return Fleet.report("b2", "bravo", OsFamily.WINDOWS, 10, Status.FAIL, Status.FAIL, Status.PASS);
    }

    @Test
    void aFreshKernelCreatesAnAdminTokenThatReadsAndWrites(@TempDir Path fresh) {
        kernel.close();
        startKernel(KernelConfig.defaults(fresh).withPort(0).withClock(clock));
        String admin = kernel.adminToken().orElseThrow().token();
        assertThat(kernel.adminToken().get().toString()).doesNotContain(admin);
        assertThat(client.ingest(admin, Fleet.passing("h1", 0)).status()).isEqualTo(201);
        assertThat(client.get("/api/v1/hosts/h1", admin).status()).isEqualTo(200);
        assertThat(client.get("/readyz", null).json().path("store").path("outcome").asText()).isEqualTo("created");
    }

    @Test
    void aFirstStartThatCannotListenCreatesNoTokenSoTheNextStartStillShowsOne(@TempDir Path fresh) {
        int taken = kernel.port();
        assertThatThrownBy(() -> Kernel.start(KernelConfig.defaults(fresh).withPort(taken).withClock(clock)))
                .hasMessageContaining("cannot listen");
        kernel.close();
        startKernel(KernelConfig.defaults(fresh).withPort(0).withClock(clock));
        assertThat(kernel.adminToken()).isPresent();
    }
}
