package dev.vigil.agent.probe;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs commands for the live probe: no shell, stdin closed, C locale, output capped, killed (with its
 * children) when it outlives its timeout or the calling thread is interrupted.
 */
final class ProcessRunner {

    static final int MAX_OUTPUT_BYTES = 8 << 20;
    private static final List<String> SYSTEM_DIRS = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private final List<Path> searchPath;

    ProcessRunner(String pathVariable) {
        Set<String> dirs = new LinkedHashSet<>();
        if (pathVariable != null) {
            for (String d : pathVariable.split(File.pathSeparator)) {
                if (!d.isBlank()) {
                    dirs.add(d);
                }
            }
        }
        if (File.separatorChar == '/') {
            // sbin directories are often missing from a normal user's PATH, yet hold nft, sshd, aa-status
            dirs.addAll(SYSTEM_DIRS);
        }
        this.searchPath = dirs.stream().map(Path::of).toList();
    }

    CommandResult run(Command command) {
        List<String> argv = command.argv();
        Optional<Path> exe = locate(command.program());
        if (exe.isEmpty()) {
            return new CommandResult.NotFound(argv);
        }
        List<String> resolved = new ArrayList<>(argv);
        resolved.set(0, exe.get().toString());
        ProcessBuilder pb = new ProcessBuilder(resolved).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Map<String, String> env = pb.environment();
        env.put("LC_ALL", "C");
        env.put("LANG", "C");
        env.put("LANGUAGE", "C");
        env.remove("LC_MESSAGES");
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            String msg = String.valueOf(e.getMessage());
            if (Commands.programMissing(e)) {
                return new CommandResult.NotFound(argv);
            }
            if (msg.contains("error=13,") || msg.contains("error: 13 (")) {
                return new CommandResult.Unavailable(argv, "permission denied");
            }
            return new CommandResult.Unavailable(argv, msg);
        }
        try {
            Future<byte[]> out = drainInBackground(process.getInputStream());
            Future<byte[]> err = drainInBackground(process.getErrorStream());
            boolean done = process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                kill(process);
                return new CommandResult.TimedOut(argv, command.timeout());
            }
            String stdout = text(out);
            String stderr = text(err);
            return new CommandResult.Completed(argv, process.exitValue(), stdout, stderr);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            return new CommandResult.TimedOut(argv, command.timeout());
        }
    }

    Optional<Path> locate(String program) {
        if (program.contains(File.separator)) {
            Path p = Path.of(program);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir : searchPath) {
            Path p = dir.resolve(program);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return Optional.of(p);
            }
            if (File.separatorChar == '\\') {
                for (String ext : List.of(".exe", ".cmd", ".bat")) {
                    Path w = dir.resolve(program + ext);
                    if (Files.isExecutable(w)) {
                        return Optional.of(w);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static Future<byte[]> drainInBackground(InputStream in) {
        java.util.concurrent.FutureTask<byte[]> task = new java.util.concurrent.FutureTask<>(() -> drain(in));
        Thread.ofVirtual().name("vigil-drain").start(task);
        return task;
    }

    private static byte[] drain(InputStream in) throws IOException {
        try (in) {
            byte[] kept = in.readNBytes(MAX_OUTPUT_BYTES);
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return kept;
        }
    }

    private static String text(Future<byte[]> f) throws InterruptedException {
        try {
            return new String(f.get(2, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } catch (ExecutionException | TimeoutException e) {
            // a grandchild may keep the pipe open; what was read is all we get
            return "";
        }
    }

    private static File nullDevice() {
        return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
    }

}
