package dev.vigil.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GzipTest {

    @Test
    void roundTripsEmptyTinyCompressibleAndIncompressibleBodies() throws IOException {
        Random random = new Random(11);
        for (byte[] body : bodies(random)) {
            byte[] gz = Gzip.compress(body);

            assertThat(Gzip.decompress(gz)).as("%d bytes", body.length).isEqualTo(body);
            assertThat(gunzip(gz)).as("standard gzip, %d bytes", body.length).isEqualTo(body);
        }
    }

    @Test
    void writesTheSameBytesAsGzipOutputStreamAtTheSameLevel() throws IOException {
        for (byte[] body : bodies(new Random(12))) {
            assertThat(Gzip.compress(body)).as("%d bytes", body.length).isEqualTo(gzipStream(body, Gzip.LEVEL));
        }
    }

    @Test
    void readsBodiesStoredByEarlierVersionsAtOtherLevels() throws IOException {
        byte[] body = report(new Random(13), 30_000);
        for (int level : new int[] {1, 3, 6, 9}) {
            assertThat(Gzip.decompress(gzipStream(body, level))).as("level %d", level).isEqualTo(body);
        }
    }

    @Test
    void concurrentCompressionsShareTheDeflaterPoolWithoutMixingBodies() throws Exception {
        List<byte[]> inputs = bodies(new Random(14));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                int first = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        byte[] body = inputs.get((first + i) % inputs.size());
                        if (!java.util.Arrays.equals(Gzip.decompress(Gzip.compress(body)), body)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        }
    }

    /** Empty, one byte, JSON-like text of many sizes (past the first output estimate too) and random bytes. */
    private static List<byte[]> bodies(Random random) {
        List<byte[]> bodies = new ArrayList<>();
        bodies.add(new byte[0]);
        bodies.add(new byte[] {'{'});
        for (int size : new int[] {10, 100, 1_000, 10_240, 16_000, 33_000, 200_000}) {
            bodies.add(report(random, size));
            byte[] noise = new byte[size];
            random.nextBytes(noise);
            bodies.add(noise);
        }
        return bodies;
    }

    private static byte[] report(Random random, int size) {
        StringBuilder sb = new StringBuilder(size + 100).append("{\"findings\":[");
        while (sb.length() < size) {
            sb.append("{\"control\":\"kernel.sysctl-").append(random.nextInt(50)).append("\",\"status\":\"PASS\",")
                    .append("\"excerpt\":\"").append(Long.toHexString(random.nextLong())).append("\"},");
        }
        sb.setLength(size);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzipStream(byte[] body, int level) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(level);
            }
        }) {
            gz.write(body);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }
}
