package dev.vigil.agent.deliver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/** A loopback HTTP(S) server answering the ingest path as a test tells it to; stands in for the kernel at the boundary. */
final class FakeKernel implements AutoCloseable {

    private final HttpServer server;

    private FakeKernel(HttpServer server, HttpHandler handler) {
        this.server = server;
        server.createContext("/", handler);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    static FakeKernel http(HttpHandler handler) {
        try {
            return new FakeKernel(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FakeKernel https(SSLContext tls, HttpHandler handler) {
        try {
            HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.setHttpsConfigurator(new HttpsConfigurator(tls));
            return new FakeKernel(s, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://localhost:" + server.getAddress().getPort());
    }

    static void answer(HttpExchange ex, int status, String contentType, String body) throws IOException {
        ex.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    static String receipt(String reportId) {
        return "{\"report_id\":\"" + reportId + "\",\"host_id\":\"h1\",\"score\":87,\"received_at\":\"2026-11-25T12:00:00Z\","
                + "\"regressions\":[{\"control\":\"firewall.enabled\",\"title\":\"Firewall\",\"severity\":\"HIGH\",\"from\":\"PASS\",\"to\":\"FAIL\",\"detail\":\"off\"}]}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
