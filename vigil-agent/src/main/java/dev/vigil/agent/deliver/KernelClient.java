package dev.vigil.agent.deliver;

import dev.vigil.agent.AgentVersion;
import dev.vigil.agent.probe.Durations;
import dev.vigil.core.io.GzipBytes;
import dev.vigil.core.json.ReportCodec;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Optional;
import java.util.zip.Deflater;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Sends reports to a kernel ({@code POST /api/v1/reports}) over the JDK's HTTP client and sorts every outcome
 * (answers, refusals, timeouts, broken connections) into an {@link Answer}. Never throws for anything the network
 * or the kernel does.
 */
public final class KernelClient implements Transport, AutoCloseable {

    private final KernelSettings settings;
    private final HttpClient http;
    private final InstantSource clock;

    private KernelClient(KernelSettings settings, HttpClient http, InstantSource clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    /** A client for these settings; fails with {@link IllegalArgumentException} on an unusable CA file. */
    public static KernelClient connect(KernelSettings settings) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (settings.insecure()) {
            b.sslContext(TrustStores.trustingAnything());
        } else {
            settings.caCert().ifPresent(pem -> b.sslContext(TrustStores.trusting(pem)));
        }
        return new KernelClient(settings, b.build(), InstantSource.system());
    }

    public KernelSettings settings() {
        return settings;
    }

    /**
     * Hands one report (its JSON as written) to the kernel, gzip-compressed: a quarter of the bytes on the wire or
     * less, and the kernel stores them as they are instead of compressing the report itself.
     */
    @Override
    public Answer send(byte[] reportJson) {
        byte[] gzipped = GzipBytes.compress(reportJson, Deflater.DEFAULT_COMPRESSION);
        HttpRequest request = HttpRequest.newBuilder(settings.reportsUri())
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + settings.token())
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .header("Accept", "application/json")
                .header("User-Agent", "vigil-agent/" + AgentVersion.get())
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            return new Answer.Unavailable("no connection to " + where() + " within " + Durations.human(settings.connectTimeout()), Optional.empty());
        } catch (HttpTimeoutException e) {
            return new Answer.Unavailable("no answer from " + where() + " within " + Durations.human(settings.requestTimeout()), Optional.empty());
        } catch (ConnectException e) {
            return new Answer.Unavailable("cannot connect to " + where() + ": " + describe(e), Optional.empty());
        } catch (SSLHandshakeException e) {
            return new Answer.Refused("TLS handshake with " + where() + " failed: " + describe(e)
                    + " (a private CA? give it with --ca-cert FILE)");
        } catch (SSLException e) {
            return new Answer.Refused("TLS with " + where() + " failed: " + describe(e));
        } catch (IOException e) {
            return new Answer.Unavailable("connection to " + where() + " failed: " + describe(e), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.Unavailable("interrupted while sending", Optional.empty());
        }
        return interpret(response.statusCode(), response.body(), response.headers().firstValue("Retry-After"));
    }

    /** Sorts a status and body into an answer; a 2xx counts only when its body is the kernel's receipt. */
    Answer interpret(int status, String body, Optional<String> retryAfter) {
        if (status == 200 || status == 201) {
            Optional<Receipt> receipt;
            try {
                receipt = Receipt.parse(ReportCodec.instance().tree(body));
            } catch (RuntimeException e) {
                receipt = Optional.empty();
            }
            if (receipt.isPresent()) {
                return new Answer.Accepted(status == 200, receipt.get());
            }
            // a 2xx without a receipt is not the kernel (a captive portal, a misrouted proxy): keep the report
            return new Answer.Unavailable(where() + " answered " + status + " without a Vigil receipt; is --server a Vigil kernel?", Optional.empty());
        }
        KernelProblem problem = KernelProblem.from(status, body);
        return switch (status) {
            case 408, 429 -> new Answer.Unavailable("the kernel answered " + problem.message(), RetryAfter.parse(retryAfter, clock.instant()));
            case 401, 403 -> new Answer.Refused("the kernel refused the token: " + problem.message());
            case 404, 405, 407 -> new Answer.Refused(where() + " is not a Vigil kernel's ingest URL: " + problem.message());
            default -> status >= 400 && status < 500 ? new Answer.Rejected(problem)
                    : status >= 300 && status < 400 ? new Answer.Refused(where() + " redirects (" + status
                            + ") instead of taking the report; give --server the URL it redirects to")
                    : new Answer.Unavailable("the kernel answered " + problem.message(), RetryAfter.parse(retryAfter, clock.instant()));
        };
    }

    private String where() {
        return settings.server().toString();
    }

    /** The first message along the cause chain; the JDK's connection errors often carry none at the top. */
    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
    }

    @Override
    public void close() {
        http.close();
    }
}
