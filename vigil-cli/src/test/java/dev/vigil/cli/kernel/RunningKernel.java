package dev.vigil.cli.kernel;

import dev.vigil.cli.VigilProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code vigil serve} in its own JVM, as operators run it: started, spoken to over HTTP, stopped with SIGTERM. */
final class RunningKernel implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final List<String> stdout;
    private final Path stderr;
    private final URI uri;

    private RunningKernel(Process process, List<String> stdout, Path stderr, URI uri) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.uri = uri;
    }

    /** Starts {@code vigil serve --port 0 --data DIR} and waits for its ready line. */
    static RunningKernel start(Path dataDir, Path stderr) throws IOException {
        Process p = VigilProcess.builder(VigilProcess.classPath(), List.of("-Xmx256m"), "serve", "--port", "0",
                "--data", dataDir.toString()).redirectError(stderr.toFile()).start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            lines.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return new RunningKernel(p, lines, stderr, URI.create(m.group(1)));
            }
        }
        int code = waitFor(p);
        throw new AssertionError("vigil serve ended (exit " + code + ") before it was ready; stdout " + lines
                + ", stderr: " + Files.readString(stderr));
    }

    /** What it printed on stdout up to and including the ready line. */
    List<String> stdout() {
        return List.copyOf(stdout);
    }

    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri() {
        return uri;
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri.resolve(path)).header("Accept", "application/json"), token);
    }

    HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token)
            throws IOException, InterruptedException {
        request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends SIGTERM and returns the exit code. */
    int stop() {
        process.destroy();
        return waitFor(process);
    }

    private static int waitFor(Process p) {
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("vigil serve did not end within 30 s of SIGTERM");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
