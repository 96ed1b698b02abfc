package dev.vigil.dist;

import dev.vigil.server.Kernel;
import dev.vigil.server.KernelConfig;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/**
 * Run inside the full bundle's own Java runtime, with the bundle's jars: starts the kernel on a loopback port,
 * sends it an agent report, and reads the fleet summary back. Exit 0 when both answer 2xx. Stands in for
 * {@code vigil serve} until the command line has it; it proves the runtime holds the modules the kernel needs
 * (java.sql for SQLite, Jetty's) and that SQLite's native library loads.
 * Arguments: data folder, report file.
 */
public final class KernelSmoke {

    private KernelSmoke() {
    }

    public static void main(String[] args) throws Exception {
        boolean ok;
        try (Kernel kernel = Kernel.start(KernelConfig.defaults(Path.of(args[0])).withPort(0));
             HttpClient http = HttpClient.newHttpClient()) {
            String token = kernel.adminToken().orElseThrow().token();
            HttpResponse<String> ingest = http.send(HttpRequest.newBuilder(kernel.uri().resolve("api/v1/reports"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(Path.of(args[1]))).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> summary = http.send(HttpRequest.newBuilder(kernel.uri().resolve("api/v1/summary"))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("ingest " + ingest.statusCode() + " " + ingest.body());
            System.out.println("summary " + summary.statusCode() + " " + summary.body());
            ok = ingest.statusCode() / 100 == 2 && summary.statusCode() / 100 == 2;
        }
        System.exit(ok ? 0 : 1);
    }
}
