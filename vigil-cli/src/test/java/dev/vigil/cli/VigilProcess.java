package dev.vigil.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** Starts {@code vigil} as a separate JVM on this test's class path (or a part of it), as a bundle would run it. */
public final class VigilProcess {

    private VigilProcess() {
    }

    /** The test class path, as entries (surefire hands the real one over in a property). */
    public static List<String> classPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
    }

    /** A process builder for {@code java [jvmOptions] -cp CLASSPATH dev.vigil.cli.Main args}. */
    public static ProcessBuilder builder(List<String> classPath, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** The test class path without the entries {@code drop} matches. */
    public static List<String> classPathWithout(Predicate<String> drop) {
        return classPath().stream().filter(drop.negate()).toList();
    }

    /** Runs to the end and returns exit code and output. */
    public static Cli run(List<String> classPath, List<String> jvmOptions, String... args) {
        try {
            Path out = File.createTempFile("vigil-out", ".txt").toPath();
            Path err = File.createTempFile("vigil-err", ".txt").toPath();
            try {
                Process p = builder(classPath, jvmOptions, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                int code = p.waitFor();
                return new Cli(code, Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
