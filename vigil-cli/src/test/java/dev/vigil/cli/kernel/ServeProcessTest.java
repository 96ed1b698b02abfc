package dev.vigil.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.cli.Cli;
import dev.vigil.core.json.ReportCodec;
import dev.vigil.core.report.Host;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Severity;
import dev.vigil.core.report.Status;
import dev.vigil.core.testing.Reports;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil serve} as a real process: ready line, ingest over HTTP, tokens managed beside it, SIGTERM, restart. */
class ServeProcessTest {

    private static final String TOKEN_LINE = "vigil_[A-Za-z0-9_-]{20,}";

    @Test
    void servesUntilSigtermExitsZeroAndKeepsItsDataAcrossARestart(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        String admin = Cli.run("token", "create", "--scope", "admin", "--name", "ops", "--data", data.toString()).lastLine();
        Cli writerCreated = Cli.run("token", "create", "--scope", "report:write", "--name", "laptops", "--data", data.toString());
        String writer = writerCreated.lastLine();
        assertThat(admin).matches(TOKEN_LINE);
        assertThat(writer).matches(TOKEN_LINE);
        Report report = report("laptop-1", Status.FAIL);
        String json = ReportCodec.instance().write(report);

        try (RunningKernel k = RunningKernel.start(data, tmp.resolve("first.err"))) {
            assertThat(k.stdout()).as("tokens existed, so no admin token on first start").noneMatch(l -> l.matches(TOKEN_LINE));
            assertThat(k.stdout().getLast()).contains("(data: " + data.toAbsolutePath(), "0 hosts)");
            assertThat(k.post("api/v1/reports", writer, json).statusCode()).isEqualTo(201);

            String writerId = tokenId(data, "laptops");
            Cli revoked = Cli.run("token", "revoke", writerId, "--data", data.toString());
            assertThat(revoked.exitCode()).as(revoked.err()).isZero();
            Report second = report("laptop-2", Status.PASS);
            // a read: a live write-only token gets 403 there, a revoked one 401, and nothing is stored meanwhile
            assertThat(statusWithin(Duration.ofSeconds(2), 401, () -> k.get("api/v1/summary", writer).statusCode()))
                    .as("a token revoked while the kernel runs is refused within a tenth of a second").isEqualTo(401);

            String late = Cli.run("token", "create", "--scope", "report:write", "--data", data.toString()).lastLine();
            assertThat(statusWithin(Duration.ofSeconds(2), 201,
                    () -> k.post("api/v1/reports", late, ReportCodec.instance().write(second)).statusCode()))
                    .as("a token created while the kernel runs works within a tenth of a second").isEqualTo(201);

            assertThat(k.stop()).isZero();
            assertThat(k.stderr()).contains("SIGTERM: stopping", "stopped").doesNotContain("Exception");
            assertThat(k.stderr()).as("the default warm-up ran its whole mix").contains("warmed up with")
                    .doesNotContain("stopped early", "warm-up failed");
        }
        assertThat(tokenNames(data)).as("the kernel created no admin token of its own")
                .containsExactly("ops", "laptops", "report:write");

        try (RunningKernel k = RunningKernel.start(data, tmp.resolve("second.err"))) {
            assertThat(k.stdout().getLast()).contains("2 hosts)");
            HttpResponse<String> stored = k.get("api/v1/reports/" + report.reportId(), admin);
            assertThat(stored.statusCode()).isEqualTo(200);
            assertThat(ReportCodec.instance().tree(stored.body()).path("host").path("hostname").asText()).isEqualTo("laptop-1");
            assertThat(k.stop()).isZero();
        }
    }

    @Test
    void aDamagedStoreIsMovedAsideLoudlyAndTheFreshOnesFirstStartPrintsAnAdminTokenOnce(@TempDir Path tmp) throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("vigil.db"), "not a database, and long enough to be noticed as such");
        String admin;
        try (RunningKernel k = RunningKernel.start(data, tmp.resolve("first.err"))) {
            assertThat(k.stderr()).contains("THE STORE WAS DAMAGED", "moved aside");
            try (Stream<Path> files = Files.list(data)) {
                assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith("vigil.db.damaged-"));
            }
            int at = indexOfToken(k);
            assertThat(at).as("admin token line in %s", k.stdout()).isPositive();
            assertThat(k.stdout().get(at - 1)).contains("shown only this once", "store it");
            admin = k.stdout().get(at);
            assertThat(k.get("api/v1/summary", admin).statusCode()).isEqualTo(200);
            assertThat(k.stderr()).doesNotContain(admin);
            assertThat(k.stop()).isZero();
        }
        try (RunningKernel k = RunningKernel.start(data, tmp.resolve("second.err"))) {
            assertThat(indexOfToken(k)).as("second start").isEqualTo(-1);
            assertThat(k.get("api/v1/summary", admin).statusCode()).isEqualTo(200);
            assertThat(k.stop()).isZero();
        }
    }

    /** A report of its own host (the shared sample reports all share one host id). */
    private static Report report(String hostname, Status firewall) {
        Report sample = Reports.report(hostname, Reports.finding("firewall.enabled", firewall, Severity.HIGH));
        Host host = new Host(String.format("%032x", hostname.hashCode() & 0xffffffffL), hostname,
                sample.host().os(), sample.host().arch());
        return Report.of(UUID.randomUUID(), host, sample.agent(), sample.startedAt(), sample.finishedAt(),
                sample.elevated(), sample.findings());
    }

    private static int indexOfToken(RunningKernel k) {
        for (int i = 0; i < k.stdout().size(); i++) {
            if (k.stdout().get(i).matches(TOKEN_LINE)) {
                return i;
            }
        }
        return -1;
    }

    private static JsonNode tokens(Path data) {
        Cli list = Cli.run("token", "list", "--format", "json", "--data", data.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        return ReportCodec.instance().tree(list.out());
    }

    private static String tokenId(Path data, String name) {
        for (JsonNode t : tokens(data)) {
            if (t.path("name").asText().equals(name)) {
                return t.path("id").asText();
            }
        }
        throw new AssertionError("no token named " + name);
    }

    private static List<String> tokenNames(Path data) {
        List<String> names = new ArrayList<>();
        tokens(data).forEach(t -> names.add(t.path("name").asText()));
        return names;
    }

    /** The status once it is {@code wanted}, or the last one seen when the time is up. */
    private static int statusWithin(Duration time, int wanted, Callable<Integer> request) throws Exception {
        long deadline = System.nanoTime() + time.toNanos();
        int status = request.call();
        while (status != wanted && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = request.call();
        }
        return status;
    }
}
