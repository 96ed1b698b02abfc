package dev.vigil.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandCacheTest {

    @TempDir
    Path dir;

    private final ProcessRunner runner = new ProcessRunner(System.getenv("PATH"));

    private Command counting(Path input, Path counter) {
        // appends a line to the counter file each time it really runs, and prints how many runs there were
        return Command.of("sh", "-c", "echo run >> '" + counter + "'; wc -l < '" + counter + "'")
                .withInputs(input.toString(), input.getParent().toString());
    }

    private CommandResult run(CommandCache cache, Command command) {
        return cache.run(command, runner::run);
    }

    private static String out(CommandResult r) {
        return ((CommandResult.Completed) r).stdout().strip();
    }

    @Test
    void answersFromTheCacheWhileTheInputsAreUnchanged() throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Path status = Files.writeString(inputs.resolve("status"), "Package: bash\n");
        Path counter = dir.resolve("counter");
        CommandCache cache = new CommandCache(dir.resolve("cache"));
        Command c = counting(status, counter);
        assertThat(out(run(cache, c))).isEqualTo("1");
        assertThat(out(run(cache, c))).isEqualTo("1");
        assertThat(Files.readAllLines(counter)).hasSize(1);
    }

    @Test
    void runsAgainWhenAnInputChanges() throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Path status = Files.writeString(inputs.resolve("status"), "Package: bash\n");
        Path counter = dir.resolve("counter");
        CommandCache cache = new CommandCache(dir.resolve("cache"));
        Command c = counting(status, counter);
        run(cache, c);
        Files.setLastModifiedTime(status, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        assertThat(out(run(cache, c))).isEqualTo("2");
        Files.writeString(inputs.resolve("new-list"), "x");
        assertThat(out(run(cache, c))).isEqualTo("3");
        assertThat(out(run(cache, c))).isEqualTo("3");
    }

    @Test
    void keepsOnlySuccessfulAnswers() throws IOException {
        Path input = Files.writeString(dir.resolve("status"), "x");
        CommandCache cache = new CommandCache(dir.resolve("cache"));
        Command failing = Command.of("sh", "-c", "exit 4").withInputs(input.toString());
        CommandResult r = run(cache, failing);
        assertThat(r).isInstanceOfSatisfying(CommandResult.Completed.class, x -> assertThat(x.exitCode()).isEqualTo(4));
        assertThat(dir.resolve("cache")).doesNotExist();
    }

    @Test
    void theCacheFolderIsPrivate() throws IOException {
        Path input = Files.writeString(dir.resolve("status"), "x");
        CommandCache cache = new CommandCache(dir.resolve("cache"));
        run(cache, Command.of("echo", "hi").withInputs(input.toString()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("cache")))).isEqualTo("rwx------");
        try (var files = Files.list(dir.resolve("cache"))) {
            assertThat(files.toList()).singleElement().satisfies(f ->
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------"));
        }
    }

    @Test
    void aCommandWithoutInputsIsNeverCachedByTheProbe() {
        assertThat(Command.of("apt", "list").inputs()).isEmpty();
        assertThat(Command.of("apt", "list").withInputs("/var/lib/dpkg/status").inputs()).isEqualTo(List.of("/var/lib/dpkg/status"));
    }

    @Test
    void aCorruptCacheFileIsAMiss() throws IOException {
        Path input = Files.writeString(dir.resolve("status"), "x");
        CommandCache cache = new CommandCache(dir.resolve("cache"));
        Command c = Command.of("echo", "hi").withInputs(input.toString());
        run(cache, c);
        try (var files = Files.list(dir.resolve("cache"))) {
            Files.writeString(files.findFirst().orElseThrow(), "{ broken");
        }
        boolean[] ran = {false};
        cache.run(c, cmd -> {
            ran[0] = true;
            return runner.run(cmd);
        });
        assertThat(ran[0]).as("a corrupt entry is a miss: the command runs").isTrue();
    }
}
