package dev.vigil.agent.testing;

import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.FileStat;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.agent.probe.Redaction;
import dev.vigil.agent.probe.SocketOwner;
import dev.vigil.core.report.OsFamily;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory host for check tests: answers only what the test planted, and like the replay probe
 * treats everything else as absent (command not found, file missing).
 */
public final class FakeProbe implements HostProbe {

    private OsFamily family = OsFamily.LINUX;
    private Instant now = Instant.now();
    private boolean elevated = true;
    private boolean live = true;
    private final Map<List<String>, CommandResult> commands = new HashMap<>();
    private final Map<String, FileResult> files = new HashMap<>();
    private final Map<String, FileStat> stats = new HashMap<>();
    private final Map<String, List<String>> listings = new HashMap<>();
    private final Map<Long, SocketOwner> owners = new HashMap<>();
    private final List<List<String>> ran = new ArrayList<>();
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    public static FakeProbe linux() {
        return new FakeProbe();
    }

    public FakeProbe family(OsFamily f) {
        this.family = f;
        return this;
    }

    /** The moment the host is observed (default: when the probe was made). */
    public FakeProbe now(Instant at) {
        this.now = at;
        return this;
    }

    public FakeProbe elevated(boolean e) {
        this.elevated = e;
        return this;
    }

    public FakeProbe live(boolean l) {
        this.live = l;
        return this;
    }

    /** A command that completes with the given exit code and stdout. */
    public FakeProbe command(List<String> argv, int exit, String stdout) {
        return command(argv, exit, stdout, "");
    }

    public FakeProbe command(List<String> argv, int exit, String stdout, String stderr) {
        commands.put(List.copyOf(argv), new CommandResult.Completed(argv, exit, stdout, stderr));
        return this;
    }

    /** A command that hangs until killed. */
    public FakeProbe timedOut(List<String> argv, Duration after) {
        commands.put(List.copyOf(argv), new CommandResult.TimedOut(argv, after));
        return this;
    }

    public FakeProbe unavailable(List<String> argv, String reason) {
        commands.put(List.copyOf(argv), new CommandResult.Unavailable(argv, reason));
        return this;
    }

    public FakeProbe file(String path, String text) {
        files.put(path, new FileResult.Content(path, text));
        return this;
    }

    public FakeProbe deniedFile(String path) {
        files.put(path, new FileResult.Denied(path));
        return this;
    }

    /** A file's metadata; mode in octal such as 0640. */
    public FakeProbe stat(String path, FileStat.Type type, int mode, int uid, int gid, Instant modified) {
        stats.put(path, new FileStat(path, type, mode, uid, gid, 0, modified));
        return this;
    }

    public FakeProbe listing(String dir, String... names) {
        listings.put(dir, List.of(names));
        return this;
    }

    public FakeProbe socketOwner(long inode, long pid, String name) {
        owners.put(inode, new SocketOwner(pid, name));
        return this;
    }

    /** The argument vectors run so far, in order. */
    public synchronized List<List<String>> ran() {
        return List.copyOf(ran);
    }

    /** The paths read so far. */
    public Set<String> read() {
        return Set.copyOf(read);
    }

    @Override
    public OsFamily family() {
        return family;
    }

    @Override
    public String arch() {
        return "x86_64";
    }

    @Override
    public boolean elevated() {
        return elevated;
    }

    @Override
    public boolean live() {
        return live;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public synchronized CommandResult run(Command command) {
        ran.add(command.argv());
        if (!live) {
            return new CommandResult.Unavailable(command.argv(), "auditing a mounted file system, where commands cannot run");
        }
        return commands.getOrDefault(command.argv(), new CommandResult.NotFound(command.argv()));
    }

    @Override
    public FileResult readFile(String path, Redaction redaction) {
        read.add(path);
        FileResult r = files.getOrDefault(path, new FileResult.Missing(path));
        return r instanceof FileResult.Content c ? new FileResult.Content(path, redaction.apply(c.text())) : r;
    }

    @Override
    public Optional<FileStat> stat(String path) {
        return Optional.ofNullable(stats.get(path));
    }

    @Override
    public List<String> listDirectory(String path) {
        return listings.getOrDefault(path, List.of());
    }

    @Override
    public Map<Long, SocketOwner> socketOwners() {
        return elevated && live ? Map.copyOf(owners) : Map.of();
    }
}
