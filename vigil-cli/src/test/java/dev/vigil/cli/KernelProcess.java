package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.json.ReportCodec;
import dev.vigil.server.store.Scope;
import dev.vigil.server.store.SqliteReportStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real kernel in a separate JVM on a fixed loopback port, so that it can be started late, killed without
 * warning and started again on the same data, as the delivery tests need. Tokens are created in the store
 * before the first start.
 */
final class KernelProcess implements AutoCloseable {

    final Path data;
    final int port;
    final String writeToken;
    final String adminToken;
    private final long bodyLimit;
    private volatile Process process;

    KernelProcess(Path data, long bodyLimit) {
        this.data = data;
        this.port = freePort();
        this.bodyLimit = bodyLimit;
        try (SqliteReportStore store = SqliteReportStore.open(data, InstantSource.system())) {
            writeToken = store.createToken("agent", Scope.REPORT_WRITE).token();
            adminToken = store.createToken("test", Scope.ADMIN).token();
        }
    }

    KernelProcess(Path data) {
        this(data, 0);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Starts the kernel and waits until it serves. */
    KernelProcess start() {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), TestKernelMain.class.getName(), data.toString(), String.valueOf(port)));
        if (bodyLimit > 0) {
            cmd.add(String.valueOf(bodyLimit));
        }
        try {
            process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("ready ")) {
                // the kernel logs nothing to stdout before it is ready
            }
            assertThat(line).as("kernel process started on port " + port).isEqualTo("ready " + port);
            Thread.ofVirtual().start(() -> drain(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Kills the kernel at once, as a crash or a power cut would (SIGKILL). */
    void kill() {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** The ids of the reports the kernel holds for a host, in the order it lists them, each as often as listed. */
    List<String> reportIds(String hostId) {
        JsonNode doc = get("/api/v1/hosts/" + hostId + "/reports?limit=500");
        assertThat(doc.path("next").isNull() || doc.path("next").isMissingNode()).as("one page holds them all").isTrue();
        List<String> ids = new ArrayList<>();
        doc.path("reports").forEach(r -> ids.add(r.path("report_id").asText()));
        return ids;
    }

    /** Every report id the kernel holds, over all hosts. */
    List<String> allReportIds() {
        List<String> ids = new ArrayList<>();
        get("/api/v1/hosts?limit=500").path("hosts").forEach(h -> ids.addAll(reportIds(h.path("host_id").asText())));
        return ids;
    }

    JsonNode get(String path) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri().resolve(path)).header("Authorization", "Bearer " + adminToken)
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 404) {
                return ReportCodec.instance().tree("{}");
            }
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
            return ReportCodec.instance().tree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Path writeTokenFile(Path dir) {
        try {
            return Files.writeString(dir.resolve("token"), writeToken + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // keep the pipe from filling
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process != null) {
            try {
                process.getOutputStream().close();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
            }
            process = null;
        }
    }
}
