package dev.vigil.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A probe over a mounted file system reads inside it only, and runs no commands. */
class MountedRootTest {

    @TempDir
    Path root;
    private LiveProbe probe;

    @BeforeEach
    void plant() throws IOException {
        Files.createDirectories(root.resolve("etc/ssh"));
        Files.createDirectories(root.resolve("usr/lib"));
        Files.writeString(root.resolve("etc/hostname"), "image-host\n");
        Files.writeString(root.resolve("usr/lib/os-release"), "ID=debian\n");
        Files.createSymbolicLink(root.resolve("etc/os-release"), Path.of("/usr/lib/os-release"));
        Files.createSymbolicLink(root.resolve("etc/ssh/escape"), Path.of("../../../../../../etc/hostname"));
        Files.createSymbolicLink(root.resolve("etc/passwd"), Path.of("/etc/passwd-in-image-is-missing"));
        probe = LiveProbe.mounted(root);
    }

    @Test
    void readsFilesUnderTheRoot() {
        assertThat(probe.readFile("/etc/hostname")).isEqualTo(new FileResult.Content("/etc/hostname", "image-host\n"));
        assertThat(probe.live()).isFalse();
    }

    @Test
    void resolvesAbsoluteSymlinksInsideTheRoot() {
        assertThat(probe.readFile("/etc/os-release")).isEqualTo(new FileResult.Content("/etc/os-release", "ID=debian\n"));
    }

    @Test
    void dotDotCannotClimbOutOfTheRoot() {
        assertThat(probe.readFile("/etc/ssh/escape")).isEqualTo(new FileResult.Content("/etc/ssh/escape", "image-host\n"));
        assertThat(probe.readFile("/../../etc/hostname")).isEqualTo(new FileResult.Content("/../../etc/hostname", "image-host\n"));
    }

    @Test
    void aDanglingLinkIsMissingNotTheAuditingMachinesFile() {
        assertThat(probe.readFile("/etc/passwd")).isInstanceOf(FileResult.Missing.class);
    }

    @Test
    void runsNoCommands() {
        CommandResult r = probe.run(Command.of("echo", "hi"));
        assertThat(r).isInstanceOfSatisfying(CommandResult.Unavailable.class,
                u -> assertThat(u.reason()).contains("mounted at", "commands cannot run"));
    }

    @Test
    void statsFilesUnderTheRoot() {
        assertThat(probe.stat("/etc/hostname")).hasValueSatisfying(s -> {
            assertThat(s.type()).isEqualTo(FileStat.Type.FILE);
            assertThat(s.size()).isEqualTo(11);
        });
        assertThat(probe.stat("/nope")).isEmpty();
        assertThat(probe.socketOwners()).isEmpty();
    }
}
