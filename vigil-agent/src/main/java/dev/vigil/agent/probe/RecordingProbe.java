package dev.vigil.agent.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.json.ReportCodec;
import dev.vigil.core.report.OsFamily;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A probe that answers like the one it wraps and writes every answer into a replay folder, so that the
 * audit can be re-run anywhere with {@link ReplayProbe}. Command outputs and files are written as they
 * come; {@link #close()} writes {@code meta.json}.
 */
public final class RecordingProbe implements HostProbe, AutoCloseable {

    private final HostProbe delegate;
    private final Path folder;
    private final InstantSource clock;
    private final ObjectMapper json = ReportCodec.instance().mapper();
    private final Map<String, ReplayMeta.RecordedStat> stats = new ConcurrentSkipListMap<>();
    private final Map<String, List<String>> listings = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListSet<String> denied = new ConcurrentSkipListSet<>();
    private final Map<String, String> unreadable = new ConcurrentSkipListMap<>();
    private volatile Map<Long, SocketOwner> owners = Map.of();

    public RecordingProbe(HostProbe delegate, Path folder, InstantSource clock) {
        this.delegate = delegate;
        this.folder = folder;
        this.clock = clock;
        try {
            Files.createDirectories(folder.resolve(ReplayFolder.COMMANDS));
            Files.createDirectories(folder.resolve(ReplayFolder.FILES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the record folder " + folder, e);
        }
    }

    @Override
    public OsFamily family() {
        return delegate.family();
    }

    @Override
    public String arch() {
        return delegate.arch();
    }

    @Override
    public boolean elevated() {
        return delegate.elevated();
    }

    @Override
    public boolean live() {
        return delegate.live();
    }

    @Override
    public Instant now() {
        return delegate.now();
    }

    @Override
    public CommandResult run(Command command) {
        CommandResult r = delegate.run(command);
        ReplayMeta.RecordedCommand rec = switch (r) {
            case CommandResult.Completed c -> new ReplayMeta.RecordedCommand(c.argv(), c.exitCode(), null, null);
            case CommandResult.TimedOut t -> new ReplayMeta.RecordedCommand(t.argv(), null, t.after().toMillis(), null);
            case CommandResult.Unavailable u -> new ReplayMeta.RecordedCommand(u.argv(), null, null, u.reason());
            case CommandResult.NotFound n -> null; // absent from the folder means not found
        };
        if (rec != null) {
            Path dir = folder.resolve(ReplayFolder.COMMANDS).resolve(ReplayFolder.commandFolderName(command.argv()));
            try {
                Files.createDirectories(dir);
                json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(ReplayFolder.COMMAND_JSON).toFile(), rec);
                if (r instanceof CommandResult.Completed c) {
                    Files.writeString(dir.resolve(ReplayFolder.STDOUT), c.stdout(), StandardCharsets.UTF_8);
                    Files.writeString(dir.resolve(ReplayFolder.STDERR), c.stderr(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record " + command.display() + " in " + dir, e);
            }
        }
        return r;
    }

    @Override
    public FileResult readFile(String path, Redaction redaction) {
        FileResult r = delegate.readFile(path, redaction);
        switch (r) {
            case FileResult.Content c -> {
                Path target = ReplayFolder.filePath(folder, path);
                try {
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, c.text(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot record " + path + " in " + target, e);
                }
            }
            case FileResult.Denied d -> denied.add(path);
            case FileResult.Unreadable u -> unreadable.put(path, u.reason());
            case FileResult.Missing m -> { }
        }
        return r;
    }

    @Override
    public Optional<FileStat> stat(String path) {
        Optional<FileStat> s = delegate.stat(path);
        s.ifPresent(st -> stats.put(path, ReplayMeta.RecordedStat.of(st)));
        return s;
    }

    @Override
    public List<String> listDirectory(String path) {
        List<String> names = delegate.listDirectory(path);
        listings.put(path, names);
        return names;
    }

    @Override
    public Map<Long, SocketOwner> socketOwners() {
        Map<Long, SocketOwner> o = delegate.socketOwners();
        owners = o;
        return o;
    }

    /** Writes {@code meta.json}; the folder is complete after this. */
    @Override
    public void close() {
        Map<String, SocketOwner> byInode = new TreeMap<>();
        owners.forEach((k, v) -> byInode.put(Long.toString(k), v));
        ReplayMeta meta = new ReplayMeta(ReplayFolder.FORMAT, family(), arch(), elevated(), live(), clock.instant(),
                stats, listings, List.copyOf(denied), unreadable, byInode);
        try {
            json.writerWithDefaultPrettyPrinter().writeValue(folder.resolve(ReplayFolder.META).toFile(), meta);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(ReplayFolder.META), e);
        }
    }
}
