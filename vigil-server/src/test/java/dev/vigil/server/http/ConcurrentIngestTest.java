package dev.vigil.server.http;

import dev.vigil.core.json.ReportCodec;
import dev.vigil.core.report.Report;
import dev.vigil.server.Kernel;
import dev.vigil.server.KernelConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Many agents at once: every report is acknowledged once as new, and the fleet and the store agree afterwards. */
class ConcurrentIngestTest {

    @Test
    void concurrentIngestsAndRetriesAreEachStoredOnce(@TempDir Path dir) throws Exception {
        int hosts = 40;
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            reports.add(Fleet.passing("h" + i, 0));
            reports.add(Fleet.passing("h" + i, 1));
        }
        try (Kernel kernel = Kernel.start(KernelConfig.defaults(dir).withPort(0).withClock(new Fleet.TestClock()))) {
            String admin = kernel.adminToken().orElseThrow().token();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (Report r : reports) {
                    sent.add(http.sendAsync(HttpRequest.newBuilder(kernel.uri().resolve("/api/v1/reports"))
                            .header("Authorization", "Bearer " + admin)
                            .POST(HttpRequest.BodyPublishers.ofString(ReportCodec.instance().write(r))).build(),
                            HttpResponse.BodyHandlers.ofString()));
                }
            }
            long created = 0;
            long repeated = 0;
            for (CompletableFuture<HttpResponse<String>> f : sent) {
                int status = f.get().statusCode();
                assertThat(status).as(f.get().body()).isIn(200, 201);
                created += status == 201 ? 1 : 0;
                repeated += status == 200 ? 1 : 0;
            }
            assertThat(created).isEqualTo(reports.size());
            assertThat(repeated).isEqualTo(reports.size());

            KernelClient client = new KernelClient(kernel);
            assertThat(client.get("/api/v1/summary", admin).json().path("hosts").asInt()).isEqualTo(hosts);
            assertThat(client.get("/api/v1/hosts/h7", admin).json().path("host").path("report_id").asText())
                    .isEqualTo(reports.get(15).reportId().toString());
            assertThat(client.get("/api/v1/hosts/h7/reports", admin).json().path("reports")).hasSize(2);
        }
    }
}
