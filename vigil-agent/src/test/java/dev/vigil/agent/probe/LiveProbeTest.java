package dev.vigil.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveProbeTest {

    private final LiveProbe probe = LiveProbe.system();

    @Test
    void runsACommandWithoutAShellAndCapturesItsOutput() {
        CommandResult r = probe.run(Command.of("echo", "a b", "$HOME", ";", "ls"));
        assertThat(r).isInstanceOfSatisfying(CommandResult.Completed.class, c -> {
            assertThat(c.exitCode()).isZero();
            assertThat(c.stdout()).isEqualTo("a b $HOME ; ls\n");
        });
    }

    @Test
    void runsCommandsInTheCLocale() {
        CommandResult r = probe.run(Command.of("sh", "-c", "echo $LC_ALL $LANG"));
        assertThat(r).isInstanceOfSatisfying(CommandResult.Completed.class, c -> assertThat(c.stdout()).isEqualTo("C C\n"));
    }

    @Test
    void reportsExitCodeAndStderr() {
        CommandResult r = probe.run(Command.of("sh", "-c", "echo oops >&2; exit 3"));
        assertThat(r).isInstanceOfSatisfying(CommandResult.Completed.class, c -> {
            assertThat(c.exitCode()).isEqualTo(3);
            assertThat(c.stderr()).isEqualTo("oops\n");
            assertThat(c.describe()).contains("exited 3", "oops");
        });
    }

    @Test
    void reportsAMissingProgramAsNotFound() {
        CommandResult r = probe.run(Command.of("vigil-no-such-program-xyz", "--version"));
        assertThat(r).isInstanceOf(CommandResult.NotFound.class);
        assertThat(r.describe()).isEqualTo("command not found: vigil-no-such-program-xyz");
    }

    @Test
    void killsAHungCommandAtItsTimeout() {
        long start = System.nanoTime();
        CommandResult r = probe.run(Command.of("sleep", "30").withTimeout(Duration.ofMillis(200)));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r).isInstanceOf(CommandResult.TimedOut.class);
        assertThat(r.describe()).contains("timed out after 200 ms");
        assertThat(ms).isLessThan(3000);
    }

    @Test
    void killsAHungCommandWhoseChildKeepsThePipeOpen() {
        long start = System.nanoTime();
        CommandResult r = probe.run(Command.of("sh", "-c", "sleep 30 & sleep 30").withTimeout(Duration.ofMillis(200)));
        assertThat(r).isInstanceOf(CommandResult.TimedOut.class);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
    }

    @Test
    void givesTheCommandNoStandardInput() {
        CommandResult r = probe.run(Command.of("cat"));
        assertThat(r).isInstanceOfSatisfying(CommandResult.Completed.class, c -> assertThat(c.stdout()).isEmpty());
    }

    @Test
    void readsFilesAndTellsMissingFromDenied(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("a.txt");
        Files.writeString(f, "hello\n");
        assertThat(probe.readFile(f.toString())).isEqualTo(new FileResult.Content(f.toString(), "hello\n"));
        assertThat(probe.readFile(dir.resolve("none").toString())).isInstanceOf(FileResult.Missing.class);
        assertThat(probe.readFile(dir.toString())).isInstanceOf(FileResult.Unreadable.class);
    }

    @Test
    void appliesTheRedactionBeforeAnyoneSeesTheText(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("secret");
        Files.writeString(f, "user:$6$salt$hash:1:2\n");
        FileResult r = probe.readFile(f.toString(), text -> text.replace("$6$salt$hash", "$REDACTED$"));
        assertThat(r).isEqualTo(new FileResult.Content(f.toString(), "user:$REDACTED$:1:2\n"));
    }

    @Test
    void knowsTheEffectiveUser() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        boolean root = "root".equals(System.getProperty("user.name"));
        assertThat(probe.elevated()).isEqualTo(root);
        assertThat(probe.live()).isTrue();
    }

    @Test
    void listsADirectorySorted(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b"), "");
        Files.writeString(dir.resolve("a"), "");
        assertThat(probe.listDirectory(dir.toString())).isEqualTo(List.of("a", "b"));
        assertThat(probe.listDirectory(dir.resolve("none").toString())).isEmpty();
    }
}
