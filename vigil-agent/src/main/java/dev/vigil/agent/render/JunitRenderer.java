package dev.vigil.agent.render;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.report.Evidence;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Status;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * JUnit XML for CI pipelines, in the common Ant/Surefire dialect that Jenkins, GitLab, GitHub
 * reporters and Azure DevOps read: a {@code <testsuites>} root holding one
 * {@code <testsuite name="vigil audit HOST">} with one {@code <testcase>} per finding,
 * {@code classname="vigil.DOMAIN"} and {@code name="CONTROL TITLE"}.
 *
 * <ul>
 *   <li>FAIL: a {@code <failure>} whose message is the detail and whose type is the severity; the body
 *       holds the facts and the evidence.</li>
 *   <li>WARN: a passing test case with the warning in {@code <system-out>}. A WARN is "partly satisfied
 *       or at risk" (encryption in progress, an unusual port open); as a failure it would turn a
 *       pipeline red where {@code vigil audit}'s own exit code, which only FAIL at or above
 *       {@code --fail-on} sets, says it passed. The two must agree.</li>
 *   <li>UNKNOWN and NOT_APPLICABLE: {@code <skipped message="REASON"/>}; the status is in
 *       {@code <system-out>} so the two can be told apart.</li>
 * </ul>
 *
 * <p>Times are in seconds: a test case's from its {@code duration_ms}, the suite's the audit's wall
 * time (checks run concurrently, so the sum of the cases would overstate it). The timestamp is the
 * audit's start in UTC, without offset as the Ant schema wants. The domain is the control id's first
 * segment, which is what the catalog's domains are. Every value is XML-escaped, and characters XML 1.0
 * does not allow are replaced with U+FFFD.
 */
public final class JunitRenderer {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    /** The whole XML document, ending with a line break. */
    public String render(Report report) {
        ReportView view = new ReportView(report, Catalog.of(List.of()));
        List<Finding> findings = report.findings();
        int failures = count(findings, Status.FAIL);
        int skipped = count(findings, Status.UNKNOWN) + count(findings, Status.NOT_APPLICABLE);
        String time = seconds(view.duration().toMillis());
        String counts = " tests=\"" + findings.size() + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\""
                + skipped + "\" time=\"" + time + "\"";

        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuites name=\"vigil\"").append(counts).append(">\n");
        x.append("  <testsuite name=\"").append(Markup.attr("vigil audit " + report.host().hostname())).append('"')
                .append(counts)
                .append(" timestamp=\"").append(TIMESTAMP.format(report.startedAt().truncatedTo(ChronoUnit.SECONDS))).append('"')
                .append(" hostname=\"").append(Markup.attr(report.host().hostname())).append("\">\n");
        properties(view, x);
        for (Finding f : findings) {
            testcase(view, f, x);
        }
        x.append("  </testsuite>\n");
        x.append("</testsuites>\n");
        return x.toString();
    }

    private static void properties(ReportView view, StringBuilder x) {
        Report r = view.report();
        x.append("    <properties>\n");
        property(x, "vigil.report_id", r.reportId().toString());
        property(x, "vigil.host_id", r.host().id());
        property(x, "vigil.os", view.osDescription());
        property(x, "vigil.arch", r.host().arch());
        property(x, "vigil.agent_version", r.agent().version());
        property(x, "vigil.elevated", Boolean.toString(r.elevated()));
        property(x, "vigil.score", Integer.toString(r.summary().score()));
        x.append("    </properties>\n");
    }

    private static void property(StringBuilder x, String name, String value) {
        x.append("      <property name=\"").append(name).append("\" value=\"").append(Markup.attr(value)).append("\"/>\n");
    }

    private static void testcase(ReportView view, Finding f, StringBuilder x) {
        x.append("    <testcase classname=\"").append(Markup.attr("vigil." + view.domainOf(f)))
                .append("\" name=\"").append(Markup.attr(f.control() + " " + f.title()))
                .append("\" time=\"").append(seconds(f.durationMs())).append('"');
        switch (f.status()) {
            case PASS -> x.append("/>\n");
            case FAIL -> x.append(">\n      <failure message=\"").append(Markup.attr(f.detail()))
                    .append("\" type=\"").append(f.severity().id()).append("\">")
                    .append(Markup.text(body(f))).append("</failure>\n    </testcase>\n");
            case WARN -> x.append(">\n      <system-out>").append(Markup.text("WARN: " + body(f)))
                    .append("</system-out>\n    </testcase>\n");
            case UNKNOWN, NOT_APPLICABLE -> x.append(">\n      <skipped message=\"").append(Markup.attr(f.detail()))
                    .append("\"/>\n      <system-out>").append(Markup.text(f.status().name() + ": " + body(f)))
                    .append("</system-out>\n    </testcase>\n");
        }
    }

    /** The detail, severity, facts as JSON, and each piece of evidence with its excerpt. */
    static String body(Finding f) {
        StringBuilder b = new StringBuilder();
        b.append(f.detail()).append('\n');
        b.append("severity: ").append(f.severity().id()).append('\n');
        if (!f.facts().isEmpty()) {
            b.append("facts: ").append(ReportView.json(f.facts())).append('\n');
        }
        for (Evidence e : f.evidence()) {
            b.append('\n').append(e.source().id()).append(": ").append(e.query());
            if (e.exitCode() != null) {
                b.append(" (exit ").append(e.exitCode()).append(')');
            }
            b.append('\n');
            if (!e.excerpt().isEmpty()) {
                b.append(e.excerpt());
                if (!e.excerpt().endsWith("\n")) {
                    b.append('\n');
                }
            }
        }
        return b.toString();
    }

    private static int count(List<Finding> findings, Status s) {
        return (int) findings.stream().filter(f -> f.status() == s).count();
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }
}
