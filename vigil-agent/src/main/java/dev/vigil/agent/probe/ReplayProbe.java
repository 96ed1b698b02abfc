package dev.vigil.agent.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.json.ReportCodec;
import dev.vigil.core.report.OsFamily;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Answers from a replay folder instead of a machine. Whatever the folder does not hold is absent:
 * a command is not found, a file is missing, so the checks' fallback paths run as they would on a
 * machine without that command or file.
 */
public final class ReplayProbe implements HostProbe {

    private final Path folder;
    private final ReplayMeta meta;
    private final Map<List<String>, Entry> commands;

    private ReplayProbe(Path folder, ReplayMeta meta, Map<List<String>, Entry> commands) {
        this.folder = folder;
        this.meta = meta;
        this.commands = commands;
    }

    /**
     * Opens a replay folder.
     *
     * @throws ReplayFolderException naming the file and the problem when the folder is not a usable replay folder
     */
    public static ReplayProbe open(Path folder) {
        ObjectMapper json = ReportCodec.instance().mapper();
        Path metaFile = folder.resolve(ReplayFolder.META);
        ReplayMeta meta;
        try {
            meta = json.readValue(metaFile.toFile(), ReplayMeta.class);
        } catch (IOException e) {
            if (!Files.exists(metaFile)) {
                throw new ReplayFolderException(folder + " is not a replay folder: it has no " + ReplayFolder.META, e);
            }
            throw new ReplayFolderException("cannot read " + metaFile + ": " + firstLine(e.getMessage()), e);
        }
        if (!ReplayFolder.FORMAT.equals(meta.format())) {
            throw new ReplayFolderException(metaFile + " has format '" + meta.format() + "', expected " + ReplayFolder.FORMAT, null);
        }
        Map<List<String>, Entry> commands = new HashMap<>();
        Path dir = folder.resolve(ReplayFolder.COMMANDS);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path cmdDir : s.sorted().toList()) {
                    Path cj = cmdDir.resolve(ReplayFolder.COMMAND_JSON);
                    if (!Files.isRegularFile(cj)) {
                        continue;
                    }
                    try {
                        ReplayMeta.RecordedCommand rc = json.readValue(cj.toFile(), ReplayMeta.RecordedCommand.class);
                        commands.put(rc.argv(), new Entry(cmdDir, rc));
                    } catch (IOException e) {
                        throw new ReplayFolderException("cannot read " + cj + ": " + firstLine(e.getMessage()), e);
                    }
                }
            } catch (IOException e) {
                throw new ReplayFolderException("cannot list " + dir, e);
            }
        }
        return new ReplayProbe(folder, meta, Map.copyOf(commands));
    }

    @Override
    public OsFamily family() {
        return meta.osFamily();
    }

    @Override
    public String arch() {
        return meta.arch();
    }

    @Override
    public boolean elevated() {
        return meta.elevated();
    }

    @Override
    public boolean live() {
        return meta.live();
    }

    @Override
    public Instant now() {
        return meta.recordedAt();
    }

    @Override
    public CommandResult run(Command command) {
        Entry entry = commands.get(command.argv());
        if (entry == null) {
            return new CommandResult.NotFound(command.argv());
        }
        Path dir = entry.dir();
        ReplayMeta.RecordedCommand rc = entry.recorded();
        try {
            if (rc.unavailable() != null) {
                return new CommandResult.Unavailable(command.argv(), rc.unavailable());
            }
            if (rc.timedOutAfterMs() != null) {
                return new CommandResult.TimedOut(command.argv(), Duration.ofMillis(rc.timedOutAfterMs()));
            }
            int exit = rc.exitCode() == null ? 0 : rc.exitCode();
            return new CommandResult.Completed(command.argv(), exit, readOrEmpty(dir.resolve(ReplayFolder.STDOUT)),
                    readOrEmpty(dir.resolve(ReplayFolder.STDERR)));
        } catch (IOException e) {
            return new CommandResult.Unavailable(command.argv(), "replay folder entry " + dir + " is unreadable: " + e.getMessage());
        }
    }

    @Override
    public FileResult readFile(String path, Redaction redaction) {
        if (meta.denied().contains(path)) {
            return new FileResult.Denied(path);
        }
        String reason = meta.unreadable().get(path);
        if (reason != null) {
            return new FileResult.Unreadable(path, reason);
        }
        Path p;
        try {
            p = ReplayFolder.filePath(folder, path);
        } catch (IllegalArgumentException e) {
            return new FileResult.Missing(path);
        }
        try {
            return new FileResult.Content(path, redaction.apply(RootedFiles.decode(Files.readAllBytes(p))));
        } catch (NoSuchFileException e) {
            return new FileResult.Missing(path);
        } catch (IOException e) {
            if (Files.isDirectory(p)) {
                return new FileResult.Missing(path);
            }
            return new FileResult.Unreadable(path, e.getMessage());
        }
    }

    @Override
    public Optional<FileStat> stat(String path) {
        ReplayMeta.RecordedStat s = meta.stats().get(path);
        return s == null ? Optional.empty() : Optional.of(s.toStat(path));
    }

    @Override
    public List<String> listDirectory(String path) {
        return meta.listings().getOrDefault(path, List.of());
    }

    @Override
    public Map<Long, SocketOwner> socketOwners() {
        Map<Long, SocketOwner> m = new HashMap<>();
        meta.socketOwners().forEach((k, v) -> m.put(Long.parseLong(k), v));
        return Map.copyOf(m);
    }

    /** A command folder and its {@code command.json}, read once when the folder is opened. */
    private record Entry(Path dir, ReplayMeta.RecordedCommand recorded) {
    }

    private static String readOrEmpty(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
