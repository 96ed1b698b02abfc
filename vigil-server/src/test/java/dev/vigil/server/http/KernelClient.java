package dev.vigil.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.json.ReportCodec;
import dev.vigil.core.report.Report;
import dev.vigil.server.Kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Speaks HTTP to a running kernel, as a client would. */
final class KernelClient {

    /** A response with its body as text and, when it is JSON, as a tree. */
    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            return ReportCodec.instance().tree(body);
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        String contentType() {
            return header("content-type").orElse("");
        }

        List<String> vary() {
            return KernelClient.vary(raw.headers());
        }
    }

    /** The request headers a response varies by, from every Vary field. */
    static List<String> vary(HttpHeaders headers) {
        return headers.allValues("vary").stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).toList();
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;

    KernelClient(Kernel kernel) {
        this.base = kernel.uri();
    }

    Reply get(String path, String token, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
        return send(b, token, headers);
    }

    Reply post(String path, String token, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return send(b, token, headers);
    }

    Reply post(String path, String token, String body) {
        return post(path, token, body.getBytes(StandardCharsets.UTF_8));
    }

    Reply ingest(String token, Report report) {
        return post("/api/v1/reports", token, ReportCodec.instance().write(report));
    }

    Reply send(HttpRequest.Builder b, String token, String... headers) {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
