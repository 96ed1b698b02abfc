package dev.vigil.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.testing.ReportSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The full bundle: the agent's audit, and the kernel started and stopped by the bundle's own launcher. */
class FullBundleTest {

    @Test
    void everyJarTheCliNamesIsInTheBundle(@TempDir Path tmp) throws IOException {
        Bundle full = Bundle.unpack(Bundle.fullName(), tmp);
        Path app = full.root().resolve("lib/app");
        try (JarFile cli = new JarFile(app.resolve("vigil-cli.jar").toFile())) {
            String classPath = cli.getManifest().getMainAttributes().getValue("Class-Path");

            assertThat(classPath.split(" "))
                    .anyMatch(jar -> jar.startsWith("lib/vigil-server-"))
                    .allSatisfy(jar -> assertThat(app.resolve(jar)).isRegularFile());
        }
    }

    @Test
    void theAotCacheTrainedAtBuildTimeServesTheClassesWhereverTheBundleIsUnpacked(@TempDir Path tmp) {
        Bundle full = Bundle.unpack(Bundle.fullName(), tmp.resolve("un packed"));
        // AOTMode=on makes a cache the JVM cannot use an error instead of a silent slow start
        assertThat(full.classLoading(tmp, "-XX:AOTMode=on", "dev.vigil.cli.Main")).singleElement().asString()
                .contains("source: shared objects file");

        String flags = full.vigil(tmp, Map.of("VIGIL_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "--version").stdout();
        assertThat(flags.lines().findFirst().orElse("")).contains(JvmOptions.read().fast()).contains("-XX:AOTCache=");
        Bundle.Result withoutCache = full.vigil(tmp, Map.of("VIGIL_NO_AOT", "1"), "--version");
        assertThat(withoutCache.exit()).as(withoutCache.toString()).isZero();
        assertThat(withoutCache.stdout()).startsWith("vigil ");
    }

    @Test
    void theBundlesKernelTakesTheBundlesOwnReportAndStopsCleanlyOnSigterm(@TempDir Path tmp)
            throws IOException, InterruptedException {
        Bundle full = Bundle.unpack(Bundle.fullName(), tmp.resolve("un packed"));
        Path report = tmp.resolve("report.json");
        Bundle.Result audit = full.vigil(tmp, Map.of(), "audit", "--format", "json", "--output", report.toString(),
                "--fail-on", "never");
        assertThat(audit.exit()).as(audit.toString()).isZero();
        assertThat(ReportSchema.violations(Files.readString(report))).isEmpty();

        String data = tmp.resolve("kernel data").toString();
        Bundle.Result created = full.vigil(tmp, Map.of(), "token", "create", "--scope", "admin", "--data", data);
        assertThat(created.exit()).as(created.toString()).isZero();
        List<String> lines = created.stdout().lines().toList();
        String token = lines.getLast().strip();

        try (ServingKernel kernel = ServingKernel.start(full.processBuilder(tmp, "serve", "--port", "0",
                "--data", data));
             HttpClient http = HttpClient.newHttpClient()) {
            URI uri = kernel.uri();
            HttpResponse<String> ingest = http.send(HttpRequest.newBuilder(uri.resolve("/api/v1/reports"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(report)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ingest.statusCode()).as(ingest.body()).isEqualTo(201);

            HttpResponse<String> summary = http.send(HttpRequest.newBuilder(uri.resolve("/api/v1/summary"))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
            assertThat(summary.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/json"));
            JsonNode fleet = new ObjectMapper().readTree(summary.body());
            assertThat(fleet.path("hosts").asInt()).as(summary.body()).isEqualTo(1);

            assertThat(kernel.stop()).as(kernel.output()).isZero();
        }
    }
}
