package dev.vigil.cli;

import dev.vigil.agent.deliver.Answer;
import dev.vigil.agent.deliver.KernelClient;
import dev.vigil.agent.deliver.KernelSettings;
import dev.vigil.agent.render.HtmlRenderer;
import dev.vigil.agent.render.JunitRenderer;
import dev.vigil.agent.render.TerminalRenderer;
import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.json.ReportCodec;
import dev.vigil.core.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
            "1:something at or above the --fail-on severity failed, or --submit could not deliver the report",
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

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
            description = "Exit 1 when a control of this severity or higher fails: critical, high, medium, low, never (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @CommandLine.Mixin
    AuditInputs inputs;

    @Option(names = "--submit", paramLabel = "URL", description = "After writing the report, send it to the kernel at URL (needs a token: --token-file, VIGIL_TOKEN or --token).")
    URI submit;

    @CommandLine.Mixin
    KernelOptions kernel;

    @Option(names = "--elevate", description = "Re-run through sudo when not root, so that checks needing root can decide.")
    boolean elevate;

    @CommandLine.Mixin
    ColorOption color;

    @Override
    public Integer call() throws IOException {
        validate();
        inputs.validate();
        if (elevate) {
            var relaunch = Elevate.relaunchIfNeeded(spec.commandLine().getErr(),
                    spec.root().commandLine().getParseResult().originalArgs());
            if (relaunch.isPresent()) {
                return relaunch.getAsInt();
            }
        }
        Optional<KernelSettings> destination = submit == null ? Optional.empty()
                : Optional.of(kernel.settings(submit, spec.commandLine().getErr()));
        Report report = inputs.prepare().run();
        writeOutputs(report);
        int code = failOn.failing(report.findings()).isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
        if (destination.isPresent() && !submit(report, destination.get())) {
            return Math.max(code, ExitCodes.FINDINGS);
        }
        return code;
    }

    /** Sends the report and says what the kernel answered, on stderr when stdout carries the report itself. */
    private boolean submit(Report report, KernelSettings settings) {
        PrintWriter say = format != null && (output == null || output.equals("-")) ? spec.commandLine().getErr() : spec.commandLine().getOut();
        try (KernelClient client = kernel.connect(settings)) {
            Answer answer = client.send(ReportCodec.instance().write(report).getBytes(StandardCharsets.UTF_8));
            say.println("Kernel: " + AnswerText.line(answer));
            say.flush();
            return answer instanceof Answer.Accepted;
        }
    }

    private void validate() {
        if (output != null && format == null) {
            throw new UsageException("--output needs --format (text, json, html or junit)");
        }
        if (submit == null && kernel.anyGiven()) {
            throw new UsageException("--token, --token-file, --ca-cert, --insecure and the timeouts are for --submit URL, which is missing");
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

    static String safeName(String hostname) {
        String s = hostname.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isBlank() || s.startsWith(".") ? "host" + s : s;
    }
}
