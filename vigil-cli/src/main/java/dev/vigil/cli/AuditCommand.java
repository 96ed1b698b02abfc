package dev.vigil.cli;

import dev.vigil.agent.Audit;
import dev.vigil.agent.AuditOptions;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.agent.probe.LiveProbe;
import dev.vigil.agent.probe.RecordingProbe;
import dev.vigil.agent.probe.ReplayFolderException;
import dev.vigil.agent.probe.ReplayProbe;
import dev.vigil.agent.render.HtmlRenderer;
import dev.vigil.agent.render.JunitRenderer;
import dev.vigil.agent.render.TerminalRenderer;
import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.json.ReportCodec;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil audit}: audits this machine (or a mounted file system, or a replay folder) and writes the report. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {
            "Audits this machine: disk encryption, firewall, exposed ports, remote access, patches, integrity, accounts.",
            "Without --format it prints a table and writes vigil-report-<host>.json and .html in the current folder."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:nothing at or above the --fail-on severity failed",
            "1:something at or above the --fail-on severity failed",
            "2:usage error",
            "3:internal error"})
final class AuditCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Write one format (text, json, html, junit) to --output or stdout instead of the default table and files.")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where --format writes; '-' or absent for stdout.")
    String output;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Folder for the default report files (default: the current folder).")
    Path reportDir;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON report to FILE.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the HTML report to FILE.")
    Path html;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML to FILE.")
    Path junit;

    @Option(names = "--only", split = ",", paramLabel = "ID|DOMAIN", description = "Run only these controls or domains (comma-separated, repeatable).")
    List<String> only = List.of();

    @Option(names = "--skip", split = ",", paramLabel = "ID|DOMAIN", description = "Leave out these controls or domains.")
    List<String> skip = List.of();

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
            description = "Exit 1 when a control of this severity or higher fails: critical, high, medium, low, never (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

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

    @Option(names = "--elevate", description = "Re-run through sudo when not root, so that checks needing root can decide.")
    boolean elevate;

    @CommandLine.Mixin
    ColorOption color;

    @Override
    public Integer call() throws IOException {
        validate();
        if (elevate) {
            var relaunch = Elevate.relaunchIfNeeded(spec.commandLine().getErr(),
                    spec.root().commandLine().getParseResult().originalArgs());
            if (relaunch.isPresent()) {
                return relaunch.getAsInt();
            }
        }
        Policy effectivePolicy = policy == null ? Policy.defaults() : loadPolicy(policy);
        Audit audit = Audit.standard(effectivePolicy);
        Set<String> onlySet = new LinkedHashSet<>(only);
        Set<String> skipSet = new LinkedHashSet<>(skip);
        for (String s : union(onlySet, skipSet)) {
            if (!audit.knows(s)) {
                throw new UsageException("'" + s + "' is neither a control id nor a domain; see 'vigil list'");
            }
        }
        AuditOptions options = new AuditOptions(timeout, onlySet, skipSet);
        Report report = runAudit(audit, options);
        writeOutputs(report);
        List<Finding> failing = failOn.failing(report.findings());
        return failing.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private Report runAudit(Audit audit, AuditOptions options) {
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

    private void validate() {
        if (replay != null && (record != null || root != null)) {
            throw new UsageException("--replay answers from a folder; it cannot be combined with --record or --root");
        }
        if (replay != null && !Files.isDirectory(replay)) {
            throw new UsageException("--replay " + replay + ": no such folder");
        }
        if (root != null && !Files.isDirectory(root)) {
            throw new UsageException("--root " + root + ": no such folder");
        }
        if (output != null && format == null) {
            throw new UsageException("--output needs --format (text, json, html or junit)");
        }
        if (record != null && Files.exists(record) && !Files.isDirectory(record)) {
            throw new UsageException("--record " + record + " exists and is not a folder");
        }
    }

    private void writeOutputs(Report report) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Catalog catalog = Catalog.bundled();
        if (format != null) {
            String text = render(format, report, catalog);
            if (output == null || output.equals("-")) {
                out.print(text);
                out.flush();
            } else {
                write(Path.of(output), text);
            }
        } else {
            out.print(new TerminalRenderer(color.on(), terminalWidth()).render(report, catalog));
            String base = "vigil-report-" + safeName(report.host().hostname());
            Path dir = reportDir == null ? Path.of("") : reportDir;
            Path jsonFile = dir.resolve(base + ".json");
            Path htmlFile = dir.resolve(base + ".html");
            write(jsonFile, ReportCodec.instance().write(report));
            write(htmlFile, new HtmlRenderer().render(report, catalog));
            out.println();
            out.println("JSON report: " + jsonFile.toAbsolutePath());
            out.println("HTML report: " + htmlFile.toAbsolutePath());
            out.flush();
        }
        if (json != null) {
            write(json, ReportCodec.instance().write(report));
        }
        if (html != null) {
            write(html, new HtmlRenderer().render(report, catalog));
        }
        if (junit != null) {
            write(junit, new JunitRenderer().render(report));
        }
    }

    /** The terminal's width from COLUMNS (set by shells), or the renderer's default. */
    private static int terminalWidth() {
        String cols = System.getenv("COLUMNS");
        try {
            return cols == null ? TerminalRenderer.DEFAULT_WIDTH : Math.max(TerminalRenderer.MIN_WIDTH, Integer.parseInt(cols.strip()));
        } catch (NumberFormatException e) {
            return TerminalRenderer.DEFAULT_WIDTH;
        }
    }

    static String render(OutputFormat f, Report report, Catalog catalog) {
        return switch (f) {
            case text -> new TerminalRenderer(false).render(report, catalog);
            case json -> ReportCodec.instance().write(report) + "\n";
            case html -> new HtmlRenderer().render(report, catalog);
            case junit -> new JunitRenderer().render(report);
        };
    }

    private static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UsageException("cannot write " + file + ": folder " + parent + " does not exist");
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static Policy loadPolicy(Path file) {
        try {
            return Policy.withOverrides(file);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    static String safeName(String hostname) {
        String s = hostname.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isBlank() || s.startsWith(".") ? "host" + s : s;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }
}
