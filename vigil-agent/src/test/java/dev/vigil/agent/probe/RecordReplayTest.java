package dev.vigil.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.testing.FakeProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordReplayTest {

    @TempDir
    Path folder;

    private FakeProbe host() {
        return FakeProbe.linux()
                .command(List.of("nft", "-j", "list", "ruleset"), 0, "{\"nftables\": []}\n")
                .command(List.of("sshd", "-T"), 255, "", "sshd: no hostkeys available -- exiting.\n")
                .timedOut(List.of("apt", "list", "--upgradable"), Duration.ofSeconds(5))
                .file("/etc/os-release", "ID=debian\n")
                .deniedFile("/etc/shadow")
                .stat("/etc/shadow", FileStat.Type.FILE, 0640, 0, 42, Instant.parse("2026-01-02T03:04:05Z"))
                .listing("/sys/block", "dm-0", "vda")
                .socketOwner(1234, 99, "sshd");
    }

    private ReplayProbe recordAll() {
        try (RecordingProbe rec = new RecordingProbe(host(), folder, InstantSource.fixed(Instant.EPOCH))) {
            rec.run(Command.of("nft", "-j", "list", "ruleset"));
            rec.run(Command.of("sshd", "-T"));
            rec.run(Command.of("apt", "list", "--upgradable"));
            rec.run(Command.of("iptables", "-S"));
            rec.readFile("/etc/os-release");
            rec.readFile("/etc/shadow");
            rec.readFile("/etc/missing");
            rec.stat("/etc/shadow");
            rec.listDirectory("/sys/block");
            rec.socketOwners();
        }
        return ReplayProbe.open(folder);
    }

    @Test
    void replayAnswersExactlyWhatWasRecorded() {
        ReplayProbe replay = recordAll();
        FakeProbe original = host();
        for (Command c : List.of(Command.of("nft", "-j", "list", "ruleset"), Command.of("sshd", "-T"),
                Command.of("apt", "list", "--upgradable"), Command.of("iptables", "-S"))) {
            assertThat(replay.run(c)).as(c.display()).isEqualTo(original.run(c));
        }
        for (String path : List.of("/etc/os-release", "/etc/shadow", "/etc/missing")) {
            assertThat(replay.readFile(path)).as(path).isEqualTo(original.readFile(path));
        }
        assertThat(replay.stat("/etc/shadow")).isEqualTo(original.stat("/etc/shadow"));
        assertThat(replay.listDirectory("/sys/block")).isEqualTo(List.of("dm-0", "vda"));
        assertThat(replay.socketOwners()).isEqualTo(original.socketOwners());
        assertThat(replay.elevated()).isTrue();
        assertThat(replay.live()).isTrue();
    }

    @Test
    void whatTheFolderDoesNotHoldIsAbsent() {
        ReplayProbe replay = recordAll();
        assertThat(replay.run(Command.of("ufw", "status"))).isInstanceOf(CommandResult.NotFound.class);
        assertThat(replay.readFile("/etc/never-read")).isInstanceOf(FileResult.Missing.class);
        assertThat(replay.stat("/etc/never-read")).isEmpty();
        assertThat(replay.listDirectory("/never")).isEmpty();
    }

    @Test
    void aPersonCanSwapARecordedOutputForAnother() throws IOException {
        recordAll();
        Path stdout;
        try (Stream<Path> s = Files.walk(folder.resolve("commands"))) {
            stdout = s.filter(p -> p.toString().contains("nft_-j_list_ruleset") && p.endsWith("stdout.txt")).findFirst().orElseThrow();
        }
        Files.writeString(stdout, "{\"nftables\": [{\"chain\": {}}]}\n");
        ReplayProbe replay = ReplayProbe.open(folder);
        assertThat(replay.run(Command.of("nft", "-j", "list", "ruleset")))
                .isInstanceOfSatisfying(CommandResult.Completed.class, c -> assertThat(c.stdout()).contains("chain"));
    }

    @Test
    void filesAreMirroredUnderFilesAndCommandsHaveReadableFolders() {
        recordAll();
        assertThat(folder.resolve("files/etc/os-release")).hasContent("ID=debian");
        assertThat(folder.resolve("meta.json")).content().contains("\"os_family\" : \"linux\"", "\"/etc/shadow\"");
        assertThat(folder.resolve("commands").toFile().list()).anySatisfy(n -> assertThat(n).startsWith("sshd_-T-"));
    }

    @Test
    void aFolderWithoutMetaIsRefusedWithTheReason() {
        assertThatThrownBy(() -> ReplayProbe.open(folder)).isInstanceOf(ReplayFolderException.class)
                .hasMessageContaining("not a replay folder").hasMessageContaining("meta.json");
    }

    @Test
    void aBrokenMetaIsRefusedWithTheFileName() throws IOException {
        Files.writeString(folder.resolve("meta.json"), "{ not json");
        assertThatThrownBy(() -> ReplayProbe.open(folder)).isInstanceOf(ReplayFolderException.class)
                .hasMessageContaining("meta.json");
    }

    @Test
    void aHandWrittenMinimalFolderWorks() throws IOException {
        Files.writeString(folder.resolve("meta.json"), "{\"format\": \"vigil.replay/1\", \"os_family\": \"linux\", \"elevated\": false, \"live\": true}");
        Path cmd = folder.resolve("commands/any-name");
        Files.createDirectories(cmd);
        Files.writeString(cmd.resolve("command.json"), "{\"argv\": [\"ufw\", \"status\"], \"exit_code\": 0}");
        Files.writeString(cmd.resolve("stdout.txt"), "Status: active\n");
        ReplayProbe replay = ReplayProbe.open(folder);
        assertThat(replay.run(Command.of("ufw", "status"))).isEqualTo(
                new CommandResult.Completed(List.of("ufw", "status"), 0, "Status: active\n", ""));
        assertThat(replay.elevated()).isFalse();
    }
}
