package dev.vigil.agent.check;

import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.FileStat;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.agent.probe.Redaction;
import dev.vigil.agent.probe.SocketOwner;
import dev.vigil.core.report.Evidence;
import dev.vigil.core.report.EvidenceSource;
import dev.vigil.core.report.OsFamily;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wraps the probe for one check and notes every question it asked and the answer, shortened, as the
 * finding's evidence. Used by one check on one thread.
 */
final class EvidenceProbe implements HostProbe {

    static final int MAX_EXCERPT_CHARS = 2000;
    static final int MAX_EXCERPT_LINES = 40;

    private final HostProbe delegate;
    private final List<Evidence> evidence = new ArrayList<>();

    EvidenceProbe(HostProbe delegate) {
        this.delegate = delegate;
    }

    synchronized List<Evidence> evidence() {
        return List.copyOf(evidence);
    }

    private synchronized void note(Evidence e) {
        evidence.add(e);
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
        String q = command.display();
        note(switch (r) {
            case CommandResult.Completed c -> new Evidence(EvidenceSource.COMMAND, q, c.exitCode(),
                    excerpt(c.stdout().isBlank() ? c.stderr() : c.stdout()));
            case CommandResult.NotFound n -> new Evidence(EvidenceSource.COMMAND, q, null, n.describe());
            case CommandResult.TimedOut t -> new Evidence(EvidenceSource.COMMAND, q, null, t.describe());
            case CommandResult.Unavailable u -> new Evidence(EvidenceSource.COMMAND, q, null, u.describe());
        });
        return r;
    }

    @Override
    public FileResult readFile(String path, Redaction redaction) {
        FileResult r = delegate.readFile(path, redaction);
        note(new Evidence(EvidenceSource.FILE, path, null, switch (r) {
            case FileResult.Content c -> excerpt(c.text());
            default -> r.describe();
        }));
        return r;
    }

    @Override
    public Optional<FileStat> stat(String path) {
        Optional<FileStat> s = delegate.stat(path);
        note(new Evidence(EvidenceSource.FILE, "stat " + path, null, s.map(st ->
                "mode " + st.octalMode() + ", owner " + st.uid() + ":" + st.gid() + ", modified " + st.modified())
                .orElse(path + " does not exist")));
        return s;
    }

    @Override
    public List<String> listDirectory(String path) {
        // directory walks (e.g. /sys/block) are plumbing, not evidence a reader needs
        return delegate.listDirectory(path);
    }

    @Override
    public Map<Long, SocketOwner> socketOwners() {
        Map<Long, SocketOwner> o = delegate.socketOwners();
        note(new Evidence(EvidenceSource.SOCKET, "socket owners", null, o.size() + " sockets with a known owning process"));
        return o;
    }

    static String excerpt(String text) {
        String t = text.strip();
        String[] lines = t.split("\n", MAX_EXCERPT_LINES + 1);
        boolean cut = false;
        if (lines.length > MAX_EXCERPT_LINES) {
            t = String.join("\n", java.util.Arrays.copyOf(lines, MAX_EXCERPT_LINES));
            cut = true;
        }
        if (t.length() > MAX_EXCERPT_CHARS) {
            t = t.substring(0, MAX_EXCERPT_CHARS);
            cut = true;
        }
        return cut ? t + "\n…" : t;
    }
}
