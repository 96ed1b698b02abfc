package dev.vigil.agent.render;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Status;
import dev.vigil.core.text.Ansi;
import dev.vigil.core.text.Sgr;
import dev.vigil.core.text.TerminalText;
import java.util.List;
import java.util.Map;

/**
 * The terminal table: a header line (host, OS, time, privileges), the findings grouped by domain in
 * columns STATUS, CONTROL and DETAIL, the summary line, and the first remediation step for every
 * FAIL and WARN, most urgent first.
 *
 * <p>Pure: the output depends only on the report, the catalog, the width and the colour flag. With
 * colour off the output holds no escape character at all; report text is stripped of control and
 * bidirectional-override characters either way, so a hostile command output cannot drive the terminal.
 */
public final class TerminalRenderer {

    /** Columns assumed when the caller does not give a width. */
    public static final int DEFAULT_WIDTH = 100;
    /** The narrowest width honoured; narrower requests are widened to this. */
    public static final int MIN_WIDTH = 60;

    /** How many remediation entries to print before saying how many more there are. */
    static final int MAX_REMEDIATIONS = 10;
    /** How many lines a detail may take before it is cut with an ellipsis. */
    static final int MAX_DETAIL_LINES = 3;

    private static final String INDENT = "  ";
    private static final String GAP = "  ";
    private static final int STATUS_WIDTH = 7;

    private final Ansi ansi;
    private final int width;

    /** A renderer for {@value #DEFAULT_WIDTH} columns. */
    public TerminalRenderer(boolean colour) {
        this(colour, DEFAULT_WIDTH);
    }

    /** A renderer for the given number of columns (at least {@value #MIN_WIDTH}). */
    public TerminalRenderer(boolean colour, int width) {
        this.ansi = new Ansi(colour);
        this.width = Math.max(MIN_WIDTH, width);
    }

    /** The whole terminal output, ending with a line break. */
    public String render(Report report, Catalog catalog) {
        ReportView view = new ReportView(report, catalog);
        StringBuilder out = new StringBuilder();
        header(view, out);
        table(view, out);
        out.append('\n');
        for (String line : TextWrap.wrap(ReportView.summaryLine(report), width, Integer.MAX_VALUE)) {
            out.append(ansi.paint(line, Sgr.BOLD)).append('\n');
        }
        remediation(view, out);
        return out.toString();
    }

    private void header(ReportView view, StringBuilder out) {
        Report r = view.report();
        List<String> parts = List.of(
                TerminalText.oneLine(r.host().hostname()),
                TerminalText.oneLine(view.osDescription()) + " " + TerminalText.oneLine(r.host().arch()),
                ReportView.humanTime(r.startedAt()),
                r.elevated() ? "elevated" : "not elevated");
        for (String line : TextWrap.join(parts, " · ", width)) {
            out.append(ansi.paint(line, Sgr.BOLD)).append('\n');
        }
    }

    private void table(ReportView view, StringBuilder out) {
        List<Finding> findings = view.report().findings();
        if (findings.isEmpty()) {
            out.append('\n').append(INDENT).append("No controls were run.").append('\n');
            return;
        }
        int controlWidth = controlWidth(findings);
        int detailWidth = width - INDENT.length() - STATUS_WIDTH - GAP.length() - controlWidth - GAP.length();
        String continuation = " ".repeat(width - detailWidth);

        out.append('\n').append(ansi.paint(INDENT + TextWrap.pad("STATUS", STATUS_WIDTH) + GAP
                + TextWrap.pad("CONTROL", controlWidth) + GAP + "DETAIL", Sgr.DIM)).append('\n');
        for (Map.Entry<String, List<Finding>> group : view.byDomain().entrySet()) {
            out.append('\n').append(ansi.paint(TerminalText.oneLine(group.getKey()), Sgr.BOLD)).append('\n');
            for (Finding f : group.getValue()) {
                List<String> lines = TextWrap.wrap(TerminalText.oneLine(f.detail()), detailWidth, MAX_DETAIL_LINES);
                out.append(INDENT).append(status(f.status(), STATUS_WIDTH)).append(GAP)
                        .append(TextWrap.pad(TextWrap.truncate(TerminalText.oneLine(f.control()), controlWidth),
                                controlWidth))
                        .append(GAP).append(lines.getFirst()).append('\n');
                for (String more : lines.subList(1, lines.size())) {
                    out.append(continuation).append(more).append('\n');
                }
            }
        }
    }

    /** Wide enough for the longest control id, but never more than two fifths of the line. */
    private int controlWidth(List<Finding> findings) {
        int longest = findings.stream().mapToInt(f -> TextWrap.length(TerminalText.oneLine(f.control())))
                .max().orElse(0);
        return Math.min(Math.max(longest, "CONTROL".length()), width * 2 / 5);
    }

    private void remediation(ReportView view, StringBuilder out) {
        List<Finding> attention = view.needingAttention();
        if (attention.isEmpty()) {
            return;
        }
        out.append('\n').append(ansi.paint("To fix (" + view.platform() + "), most urgent first:", Sgr.BOLD))
                .append('\n');
        String hanging = " ".repeat(INDENT.length() + STATUS_WIDTH + GAP.length());
        for (Finding f : attention.subList(0, Math.min(MAX_REMEDIATIONS, attention.size()))) {
            String step = view.remediation(f).stream().findFirst()
                    .orElse("no remediation step for " + view.platform() + " in the catalog");
            String text = TerminalText.oneLine(f.control()) + " (" + f.severity().id() + "): "
                    + TerminalText.oneLine(step);
            List<String> lines = TextWrap.wrap(text, width - hanging.length(), Integer.MAX_VALUE);
            out.append(INDENT).append(status(f.status(), STATUS_WIDTH)).append(GAP).append(lines.getFirst()).append('\n');
            for (String more : lines.subList(1, lines.size())) {
                out.append(hanging).append(more).append('\n');
            }
        }
        if (attention.size() > MAX_REMEDIATIONS) {
            int more = attention.size() - MAX_REMEDIATIONS;
            out.append(INDENT).append("… and ").append(more).append(more == 1 ? " more finding" : " more findings")
                    .append(" to fix; the HTML report has every step.").append('\n');
        }
    }

    private String status(Status s, int padTo) {
        return ansi.paint(TextWrap.pad(label(s), padTo), Sgr.of(s));
    }

    /** Short enough for a narrow column; NOT_APPLICABLE reads as N/A. */
    static String label(Status s) {
        return switch (s) {
            case PASS -> "PASS";
            case FAIL -> "FAIL";
            case WARN -> "WARN";
            case UNKNOWN -> "UNKNOWN";
            case NOT_APPLICABLE -> "N/A";
        };
    }
}
