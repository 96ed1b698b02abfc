package dev.vigil.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.Kernel;
import dev.vigil.server.KernelConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A damaged store file is moved aside; the kernel starts healthy and says so on /readyz. */
class RecoveryTest {

    @Test
    void aCorruptStoreIsMovedAsideAndReadyzSaysSo(@TempDir Path dir) throws IOException {
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Files.write(dir.resolve("vigil.db"), garbage);

        try (Kernel kernel = Kernel.start(KernelConfig.defaults(dir).withPort(0).withClock(new Fleet.TestClock()))) {
            KernelClient client = new KernelClient(kernel);
            JsonNode ready = client.get("/readyz", null).json();
            assertThat(ready.path("store").path("recovered").asBoolean()).isTrue();
            assertThat(ready.path("store").path("outcome").asText()).isEqualTo("recovered");
            assertThat(ready.path("status").asText()).contains("recovered");
            assertThat(ready.path("store").path("moved_aside")).hasSize(1);
            assertThat(ready.path("store").path("message").asText()).isNotBlank();
            String moved = ready.path("store").path("moved_aside").get(0).asText();
            assertThat(Files.readAllBytes(dir.resolve(moved))).isEqualTo(garbage);

            String admin = kernel.adminToken().orElseThrow().token();
            assertThat(client.get("/healthz", null).status()).isEqualTo(200);
            assertThat(client.ingest(admin, Fleet.passing("h1", 0)).status()).isEqualTo(201);
            assertThat(client.get("/api/v1/summary", admin).json().path("hosts").asInt()).isEqualTo(1);
        }
    }
}
