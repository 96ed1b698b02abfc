package dev.vigil.dist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code vigil serve} started from a bundle: its address, read from the line the kernel prints when it listens,
 * and its exit once stopped as a service manager stops it (SIGTERM). Everything it printed is kept for messages.
 */
final class ServingKernel implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("vigil kernel listening on (\\S+)");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final CompletableFuture<URI> uri = new CompletableFuture<>();

    private ServingKernel(Process process) {
        this.process = process;
        Thread.ofVirtual().start(this::readOutput);
    }

    /** Starts the process (stderr merged into stdout). */
    static ServingKernel start(ProcessBuilder serve) {
        try {
            return new ServingKernel(serve.redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    uri.complete(URI.create(m.group(1)));
                }
            }
        } catch (IOException e) {
            output.append("(cannot read the output: ").append(e).append(")\n");
        }
        uri.completeExceptionally(new IllegalStateException("the kernel ended without listening:\n" + output));
    }

    /** The address the kernel listens on, once it says so (at most 60 s). */
    URI uri() throws InterruptedException {
        try {
            return uri.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the kernel did not say it listens within 60 s:\n" + output, e);
        }
    }

    /** Sends SIGTERM (on Windows: ends the process) and returns the exit code (at most 60 s). */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the kernel did not stop within 60 s of SIGTERM:\n" + output);
        }
        return process.exitValue();
    }

    String output() {
        return output.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
