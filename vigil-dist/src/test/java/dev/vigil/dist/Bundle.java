package dev.vigil.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A bundle archive built by this module, unpacked into a folder of its own, and its launcher run as a person
 * would run it on a machine without Java: {@code JAVA_HOME} unset and no Java on the {@code PATH}.
 */
record Bundle(Path root, String launcher) {

    private static final Path DIST = Path.of(System.getProperty("vigil.dist.dir", "target"));
    private static final String ARCHIVE = System.getProperty("vigil.dist.archive", "tar.gz");
    private static final String LAUNCHER = System.getProperty("vigil.dist.launcher", "vigil");

    /** The name of the agent bundle (its archive, and its top folder). */
    static String agentName() {
        return System.getProperty("vigil.dist.agent");
    }

    /** The name of the full bundle. */
    static String fullName() {
        return System.getProperty("vigil.dist.full");
    }

    /** The named bundle's archive, as the build wrote it. */
    static Path archive(String name) {
        return DIST.resolve(name + "." + ARCHIVE).toAbsolutePath();
    }

    /** Unpacks the named bundle's archive into {@code into} with the system's tar (which reads zip files too). */
    static Bundle unpack(String name, Path into) {
        Path archive = archive(name);
        try {
            Files.createDirectories(into);
            Process tar = new ProcessBuilder("tar", "-xf", archive.toString(), "-C", into.toString())
                    .redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (tar.waitFor() != 0) {
                throw new IllegalStateException("cannot unpack " + archive + ": " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while unpacking " + archive, e);
        }
        return new Bundle(into.resolve(name), LAUNCHER);
    }

    /** The lines of a log file that contain {@code text}. */
    private static List<String> linesNaming(Path log, String text) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(text)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code vigil --version} with these JVM options (say, one that turns an unusable class archive into an
     * error) and returns the lines of its class-loading log that name {@code className}.
     */
    List<String> classLoading(Path work, String jvmOptions, String className) {
        Path log = work.resolve("class-load.log");
        Result r = vigil(work, Map.of("VIGIL_JAVA_OPTS", jvmOptions + " -Xlog:class+load=info:file=" + log),
                "--version");
        if (r.exit() != 0 || !r.stdout().startsWith("vigil ")) {
            throw new AssertionError("vigil --version with " + jvmOptions + " failed: " + r);
        }
        return linesNaming(log, className + " ");
    }

    Path launcherPath() {
        return root.resolve("bin").resolve(launcher);
    }

    /** Runs the bundle's launcher with these arguments from {@code cwd}, in an environment with no Java. */
    Result vigil(Path cwd, Map<String, String> extraEnv, String... args) {
        return run(launcherWith(args), cwd, extraEnv);
    }

    /** The bundle's launcher with these arguments, to start from {@code cwd} in an environment with no Java. */
    ProcessBuilder processBuilder(Path cwd, String... args) {
        return javaFree(launcherWith(args), cwd, Map.of());
    }

    private List<String> launcherWith(String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcherPath().toString());
        command.addAll(List.of(args));
        return command;
    }

    /** Runs any command in an environment with no Java (and the extra variables given). */
    static Result run(List<String> command, Path cwd, Map<String, String> extraEnv) {
        ProcessBuilder pb = javaFree(command, cwd, extraEnv);
        try {
            Path out = Files.createTempFile("vigil-dist-out", ".txt");
            Path err = Files.createTempFile("vigil-dist-err", ".txt");
            try {
                Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("timed out after 120 s: " + command);
                }
                return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /**
     * A process of {@code command} in {@code cwd} without JAVA_HOME and the JVM's option variables, and with only
     * programs that are not a JDK's on the PATH; then the extra variables given.
     */
    private static ProcessBuilder javaFree(List<String> command, Path cwd, Map<String, String> extraEnv) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        env.remove("JDK_JAVA_OPTIONS");
        env.remove("JAVA_TOOL_OPTIONS");
        env.put("PATH", JavaFreePath.FOLDER.toString());
        env.putAll(extraEnv);
        return pb;
    }

    /**
     * One folder of links to every program on this process's PATH except those inside a Java installation (a
     * folder holding a {@code release} file or {@code lib/modules}), so the bundle cannot borrow a java by accident.
     * Folders like /usr/bin hold a java link next to sh and tar, so they cannot simply be left out.
     */
    private static final class JavaFreePath {
        static final Path FOLDER = create();

        private static Path create() {
            try {
                // in the temp folder, open to all, since one test runs the bundle as another user
                Path folder = Files.createTempDirectory("vigil-path-without-java");
                Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteLinks(folder)));
                for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                    Path d = Path.of(dir.isEmpty() ? "." : dir);
                    if (!Files.isDirectory(d)) {
                        continue;
                    }
                    try (var entries = Files.list(d)) {
                        for (Path program : (Iterable<Path>) entries::iterator) {
                            Path link = folder.resolve(program.getFileName().toString());
                            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                                    && Files.isExecutable(program) && !insideAJavaInstallation(program)) {
                                Files.createSymbolicLink(link, program.toAbsolutePath());
                            }
                        }
                    }
                }
                return folder;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void deleteLinks(Path folder) {
            try (var links = Files.list(folder)) {
                for (Path link : (Iterable<Path>) links::iterator) {
                    Files.delete(link);
                }
                Files.delete(folder);
            } catch (IOException e) {
                System.err.println("cannot delete " + folder + ": " + e);
            }
        }

        private static boolean insideAJavaInstallation(Path program) throws IOException {
            Path home = program.toRealPath().getParent().getParent();
            return home != null && (Files.exists(home.resolve("release")) || Files.exists(home.resolve("lib/modules")));
        }
    }

    /** A snapshot of every file under the bundle: path, size and modification time. */
    Map<Path, String> snapshot() {
        Map<Path, String> files = new HashMap<>();
        try (var walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                files.put(root.relativize(p), Files.isDirectory(p) ? "dir"
                        : Files.size(p) + " " + Files.getLastModifiedTime(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    record Result(int exit, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }
}
