package dev.vigil.cli;

import dev.vigil.agent.Audit;
import dev.vigil.agent.AuditOptions;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.agent.probe.LiveProbe;
import dev.vigil.agent.probe.RecordingProbe;
import dev.vigil.agent.probe.ReplayFolderException;
import dev.vigil.agent.probe.ReplayProbe;
import dev.vigil.core.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * What to audit and where the answers come from: the options {@code vigil audit} and {@code vigil agent} share,
 * and the one place that turns them into a report.
 */
final class AuditInputs {

    @Option(names = "--only", split = ",", paramLabel = "ID|DOMAIN", description = "Run only these controls or domains (comma-separated, repeatable).")
    List<String> only = List.of();

    @Option(names = "--skip", split = ",", paramLabel = "ID|DOMAIN", description = "Leave out these controls or domains.")
    List<String> skip = List.of();

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "Deadline for the checks, which all run at once (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--record", paramLabel = "DIR", description = "Write every answer the machine gave into DIR, for --replay.")
    Path record;

    @Option(names = "--replay", paramLabel = "DIR", description = "Answer from a folder written by --record instead of this machine.")
    Path replay;

    @Option(names = "--root", paramLabel = "DIR", description = "Audit the file system mounted at DIR (an image, a container root); commands are not run.")
    Path root;

    @Option(names = "--policy", paramLabel = "FILE", description = "JSON file overriding expected values (ports, sysctls, sshd options).")
    Path policy;

    /** An audit ready to run, or a {@link UsageException} naming what is wrong with the options. */
    Prepared prepare() {
        validate();
        Audit audit = Audit.standard(policy == null ? Policy.defaults() : loadPolicy(policy));
        Set<String> onlySet = new LinkedHashSet<>(only);
        Set<String> skipSet = new LinkedHashSet<>(skip);
        for (String s : union(onlySet, skipSet)) {
            if (!audit.knows(s)) {
                throw new UsageException("'" + s + "' is neither a control id nor a domain; see 'vigil list'");
            }
        }
        return new Prepared(audit, new AuditOptions(timeout, onlySet, skipSet));
    }

    /** A validated audit; {@link #run} may be called again for each cycle of {@code vigil agent}. */
    final class Prepared {
        private final Audit audit;
        private final AuditOptions options;

        private Prepared(Audit audit, AuditOptions options) {
            this.audit = audit;
            this.options = options;
        }

        Report run() {
            if (replay != null) {
                HostProbe probe;
                try {
                    probe = ReplayProbe.open(replay);
                } catch (ReplayFolderException e) {
                    throw new UsageException(e.getMessage(), e);
                }
                return audit.run(probe, options);
            }
            HostProbe live = root == null ? LiveProbe.system() : LiveProbe.mounted(root);
            if (record == null) {
                return audit.run(live, options);
            }
            try (RecordingProbe recording = new RecordingProbe(live, record, InstantSource.system())) {
                return audit.run(recording, options);
            }
        }
    }

    /** Checks the folders and the combination of options, before anything runs (or asks for root). */
    void validate() {
        if (replay != null && (record != null || root != null)) {
            throw new UsageException("--replay answers from a folder; it cannot be combined with --record or --root");
        }
        if (replay != null && !Files.isDirectory(replay)) {
            throw new UsageException("--replay " + replay + ": no such folder");
        }
        if (root != null && !Files.isDirectory(root)) {
            throw new UsageException("--root " + root + ": no such folder");
        }
        if (record != null && Files.exists(record) && !Files.isDirectory(record)) {
            throw new UsageException("--record " + record + " exists and is not a folder");
        }
    }

    private static Policy loadPolicy(Path file) {
        try {
            return Policy.withOverrides(file);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }
}
