package dev.vigil.server.http;

import dev.vigil.core.report.Report;
import dev.vigil.server.Kernel;
import dev.vigil.server.KernelConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Gzip and CORS around the routes, on a real kernel. */
class TransportTest {

    static final String DASHBOARD = "https://dash.example.org";

    @TempDir
    Path dir;

    Kernel kernel;
    String reader;
    List<Report> reports;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    void start(List<String> corsOrigins) {
        Tokens tokens = Tokens.create(dir, new Fleet.TestClock());
        String writer = tokens.writer();
        reader = tokens.reader();
        kernel = Kernel.start(KernelConfig.defaults(dir).withPort(0).withClock(new Fleet.TestClock())
                .withCorsOrigins(corsOrigins));
        KernelClient client = new KernelClient(kernel);
        reports = Fleet.some();
        reports.forEach(r -> assertThat(client.ingest(writer, r).status()).isEqualTo(201));
    }

    @AfterEach
    void stop() {
        if (kernel != null) {
            kernel.close();
        }
    }

    HttpResponse<byte[]> send(String method, String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(kernel.uri().resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + reader);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> get(String path, String... headers) {
        return send("GET", path, headers);
    }

    static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    // ---- gzip

    @Test
    void aCachedResponseIsGzippedForAClientThatAcceptsItWithItsOwnEtag() throws IOException {
        start(List.of());
        for (String[] rendition : new String[][] {{"Accept", "application/json"}, {"User-Agent", "curl/8.0"},
                {"Accept", "text/html"}}) {
            HttpResponse<byte[]> plain = get("/api/v1/controls", rendition);
            HttpResponse<byte[]> gzipped = get("/api/v1/controls", rendition[0], rendition[1], "Accept-Encoding", "gzip");

            assertThat(plain.headers().firstValue("content-encoding")).isEmpty();
            assertThat(gzipped.headers().firstValue("content-encoding")).hasValue("gzip");
            assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
            assertThat(gunzip(gzipped.body())).isEqualTo(text(plain));
            assertThat(KernelClient.vary(gzipped.headers())).contains("Accept-Encoding", "Accept", "User-Agent");

            String tag = plain.headers().firstValue("etag").orElseThrow();
            String gzipTag = gzipped.headers().firstValue("etag").orElseThrow();
            assertThat(gzipTag).isEqualTo(tag.substring(0, tag.length() - 1) + "--gzip\"");

            HttpResponse<byte[]> notModified = get("/api/v1/controls", rendition[0], rendition[1],
                    "Accept-Encoding", "gzip", "If-None-Match", gzipTag);
            assertThat(notModified.statusCode()).isEqualTo(304);
            assertThat(notModified.headers().firstValue("etag")).hasValue(gzipTag);
            assertThat(notModified.headers().firstValue("content-length"))
                    .hasValue(String.valueOf(gzipped.body().length));
            HttpResponse<byte[]> plainNotModified = get("/api/v1/controls", rendition[0], rendition[1],
                    "If-None-Match", tag);
            assertThat(plainNotModified.statusCode()).isEqualTo(304);
            assertThat(plainNotModified.headers().firstValue("content-length"))
                    .hasValue(String.valueOf(plain.body().length));
        }
    }

    @Test
    void gzipRefusedWithQZeroOrABodyUnderAKilobyteStaysIdentity() {
        start(List.of());
        assertThat(get("/api/v1/controls", "Accept-Encoding", "gzip;q=0").headers().firstValue("content-encoding"))
                .isEmpty();
        HttpResponse<byte[]> small = get("/healthz", "Accept-Encoding", "gzip");
        assertThat(small.body().length).isLessThan(Compression.MIN_SIZE);
        assertThat(small.headers().firstValue("content-encoding")).isEmpty();
        assertThat(text(small)).contains("ok");
    }

    @Test
    void anUncachedLargeResponseIsGzippedForTheRequestThatTakesGzip() throws IOException {
        start(List.of());
        String path = "/api/v1/reports/" + reports.get(2).reportId() + "?format=html";
        HttpResponse<byte[]> plain = get(path);
        HttpResponse<byte[]> gzipped = get(path, "Accept-Encoding", "gzip");
        assertThat(plain.body().length).isGreaterThan(Compression.MIN_SIZE);
        assertThat(plain.headers().firstValue("content-encoding")).isEmpty();
        assertThat(gzipped.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("content-length")).hasValue(String.valueOf(gzipped.body().length));
        assertThat(gunzip(gzipped.body())).isEqualTo(text(plain));
        for (HttpResponse<byte[]> r : List.of(plain, gzipped)) {
            assertThat(KernelClient.vary(r.headers())).contains("Accept-Encoding", "Accept", "User-Agent");
        }
        HttpResponse<byte[]> metrics = get("/metrics", "Accept-Encoding", "gzip");
        assertThat(metrics.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(gunzip(metrics.body())).contains("# TYPE");
    }

    // ---- CORS

    HttpResponse<byte[]> preflight(String origin) {
        return send("OPTIONS", "/api/v1/summary", "Origin", origin, "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "authorization");
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithTheAllowedMethodsAndHeaders() {
        start(List.of(DASHBOARD, "http://localhost:3000"));
        HttpResponse<byte[]> r = preflight(DASHBOARD);
        assertThat(r.statusCode()).isBetween(200, 204);
        assertThat(r.headers().firstValue("access-control-allow-origin")).hasValue(DASHBOARD);
        assertThat(r.headers().firstValue("access-control-allow-methods").orElseThrow()).contains("GET", "POST");
        assertThat(r.headers().firstValue("access-control-allow-headers").orElseThrow().toLowerCase())
                .contains("authorization", "content-type");
        assertThat(r.headers().firstValue("access-control-max-age")).hasValue("600");
        assertThat(r.headers().firstValue("access-control-allow-credentials")).isEmpty();

        HttpResponse<byte[]> actual = get("/api/v1/summary", "Origin", DASHBOARD);
        assertThat(actual.statusCode()).isEqualTo(200);
        assertThat(actual.headers().firstValue("access-control-allow-origin")).hasValue(DASHBOARD);
        // CORS's Origin and the kernel's own reasons, merged into the one header
        assertThat(KernelClient.vary(actual.headers())).contains("Origin", "Accept-Encoding", "Accept", "User-Agent");
    }

    @Test
    void anOriginNotAllowedGetsNoCorsHeadersEvenWhenItOnlyLooksAlike() {
        start(List.of(DASHBOARD));
        for (String origin : List.of("https://evil.example.org", "https://dashXexample.org", DASHBOARD + ".evil.net")) {
            assertThat(preflight(origin).headers().firstValue("access-control-allow-origin")).as(origin).isEmpty();
            assertThat(get("/api/v1/summary", "Origin", origin).headers().firstValue("access-control-allow-origin"))
                    .as(origin).isEmpty();
        }
    }

    @Test
    void withoutOriginsCorsIsOff() {
        start(List.of());
        HttpResponse<byte[]> r = preflight(DASHBOARD);
        assertThat(r.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
        HttpResponse<byte[]> actual = get("/api/v1/summary", "Origin", DASHBOARD);
        assertThat(actual.statusCode()).isEqualTo(200);
        assertThat(actual.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
    }
}
