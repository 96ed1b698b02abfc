package dev.vigil.cli;

import dev.vigil.core.diff.ControlChange;
import dev.vigil.core.diff.ReportDiff;
import dev.vigil.core.json.ReportCodec;
import dev.vigil.core.json.ReportFormatException;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Status;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil diff OLD NEW}: what regressed and what was fixed between two reports. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compares two JSON reports: regressions (was PASS, now FAIL or WARN), fixes, new and removed controls.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:compared (no regressions, or --fail-on-regression not given)", "1:regressions found and --fail-on-regression given",
            "2:usage error or unreadable report", "3:internal error"})
final class DiffCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The older report (JSON).")
    Path older;

    @Parameters(index = "1", paramLabel = "NEW", description = "The newer report (JSON).")
    Path newer;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
    Format format;

    @Option(names = "--fail-on-regression", description = "Exit 1 when anything regressed.")
    boolean failOnRegression;

    enum Format { text, json }

    @Override
    public Integer call() {
        Report a = load(older);
        Report b = load(newer);
        ReportDiff diff = ReportDiff.between(a, b);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(ReportCodec.instance().writeValue(diff));
        } else {
            out.print(text(a, b, diff));
        }
        out.flush();
        return failOnRegression && diff.hasRegressions() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    static String text(Report a, Report b, ReportDiff diff) {
        StringBuilder sb = new StringBuilder();
        sb.append("From ").append(a.host().hostname()).append(" at ").append(a.finishedAt())
                .append(" (score ").append(a.summary().score()).append(")\n");
        sb.append("  to ").append(b.host().hostname()).append(" at ").append(b.finishedAt())
                .append(" (score ").append(b.summary().score()).append(")\n");
        if (!a.host().id().equals(b.host().id())) {
            sb.append("Note: the reports are from different hosts.\n");
        }
        section(sb, "Regressions", diff.regressions());
        section(sb, "Fixes", diff.fixes());
        section(sb, "Changed", diff.changed());
        section(sb, "New controls", diff.added());
        section(sb, "Removed controls", diff.removed());
        if (diff.regressions().isEmpty() && diff.fixes().isEmpty() && diff.changed().isEmpty()
                && diff.added().isEmpty() && diff.removed().isEmpty()) {
            sb.append("No changes.\n");
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, String heading, List<ControlChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        sb.append('\n').append(heading).append(" (").append(changes.size()).append(")\n");
        for (ControlChange c : changes) {
            sb.append(String.format("  %-28s %-14s -> %-14s %s%n", c.control(),
                    c.from().map(Status::name).orElse("-"), c.to().map(Status::name).orElse("-"), c.detail()));
        }
    }

    private static Report load(Path file) {
        try {
            return ReportCodec.instance().read(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file");
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read: " + e.getMessage(), e);
        } catch (ReportFormatException e) {
            throw new UsageException(file + " is not a Vigil report: " + e.getMessage(), e);
        }
    }
}
