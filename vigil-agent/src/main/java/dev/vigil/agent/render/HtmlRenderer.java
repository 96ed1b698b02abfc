package dev.vigil.agent.render;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.catalog.Reference;
import dev.vigil.core.report.Evidence;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Status;
import dev.vigil.core.report.Summary;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTML report: one self-contained page that a consultant can mail, archive or print.
 *
 * <p>Self-contained means inline CSS and nothing else: no script, no font, no image, no link that a
 * browser would fetch. Every string from the report or the catalog is escaped. Status is always written
 * as text next to its colour, so the page reads the same in black and white and on paper; a print
 * stylesheet drops backgrounds and keeps each finding on one page where it fits.
 *
 * <p>Every finding shows its severity, detail (the reason, for UNKNOWN and NOT_APPLICABLE), facts,
 * evidence, the catalog's rationale, caveats and references, and, for FAIL, WARN and UNKNOWN, the
 * remediation steps for the audited host's platform (a passing or inapplicable control needs none).
 * The markup is also well-formed XML, which lets tests parse it with the JDK's XML parser.
 */
public final class HtmlRenderer {

    /** The whole page. */
    public String render(Report report, Catalog catalog) {
        ReportView view = new ReportView(report, catalog);
        Anchors anchors = new Anchors(report.findings());
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta name=\"generator\" content=\"").append(Markup.attr("vigil " + report.agent().version())).append("\"/>\n")
                .append("<title>").append(Markup.text("Vigil report: " + report.host().hostname() + ", "
                        + ReportView.humanTime(report.startedAt()))).append("</title>\n")
                .append("<style>\n").append(HtmlStyle.CSS).append("</style>\n")
                .append("</head>\n<body>\n");
        top(view, h);
        attention(view, anchors, h);
        h.append("<main>\n");
        int d = 0;
        for (Map.Entry<String, List<Finding>> group : view.byDomain().entrySet()) {
            domain(view, anchors, "d-" + ++d, group.getKey(), group.getValue(), h);
        }
        if (report.findings().isEmpty()) {
            h.append("<p class=\"none\">No controls were run.</p>\n");
        }
        h.append("</main>\n<footer>\n<p>Report ").append(Markup.text(report.reportId().toString()))
                .append(", schema ").append(Markup.text(report.schema()))
                .append(". Statuses: PASS satisfied, FAIL violated, WARN partly satisfied or at risk, UNKNOWN could not be"
                        + " decided (the reason is given), NOT APPLICABLE does not apply to this host. The score weighs decided"
                        + " controls by severity; UNKNOWN and NOT APPLICABLE do not count.</p>\n</footer>\n")
                .append("</body>\n</html>\n");
        return h.toString();
    }

    private static void top(ReportView view, StringBuilder h) {
        Report r = view.report();
        Summary s = r.summary();
        h.append("<header class=\"top\">\n<div class=\"title\">\n<h1>Vigil report: <span class=\"host\">")
                .append(Markup.text(r.host().hostname())).append("</span></h1>\n<dl class=\"meta\">\n");
        meta(h, "Host", Markup.text(r.host().hostname()) + " <span class=\"muted\">(id <code>"
                + Markup.text(r.host().id()) + "</code>)</span>");
        meta(h, "OS", Markup.text(view.osDescription() + ", " + r.host().arch()));
        meta(h, "Audited", "<time datetime=\"" + Markup.attr(r.startedAt().toString()) + "\">"
                + Markup.text(ReportView.humanTime(r.startedAt())) + "</time>, took "
                + Markup.text(ReportView.humanDuration(view.duration())));
        meta(h, "Privileges", r.elevated() ? "elevated"
                : "not elevated: controls that need privileges report UNKNOWN");
        meta(h, "Agent", Markup.text("vigil " + r.agent().version()));
        h.append("</dl>\n</div>\n");
        h.append("<div class=\"score\"><span class=\"score-value\">").append(s.score())
                .append("</span><span class=\"score-max\">/100</span><span class=\"score-label\">score</span></div>\n");
        h.append("<ul class=\"counts\" aria-label=\"findings by status\">\n");
        count(h, Status.PASS, s.pass(), "pass");
        count(h, Status.FAIL, s.fail(), "fail");
        count(h, Status.WARN, s.warn(), "warn");
        count(h, Status.UNKNOWN, s.unknown(), "unknown");
        count(h, Status.NOT_APPLICABLE, s.notApplicable(), "not applicable");
        h.append("</ul>\n</header>\n");
    }

    private static void meta(StringBuilder h, String name, String html) {
        h.append("<dt>").append(name).append("</dt><dd>").append(html).append("</dd>\n");
    }

    private static void count(StringBuilder h, Status status, int n, String label) {
        h.append("<li class=\"").append(cssClass(status)).append("\"><span class=\"n\">").append(n)
                .append("</span> ").append(label).append("</li>\n");
    }

    private static void attention(ReportView view, Anchors anchors, StringBuilder h) {
        List<Finding> attention = view.needingAttention();
        h.append("<nav class=\"attention\" aria-labelledby=\"attention\">\n<h2 id=\"attention\">Needs attention</h2>\n");
        if (attention.isEmpty()) {
            h.append("<p>Nothing failed or warned.</p>\n</nav>\n");
            return;
        }
        h.append("<ol>\n");
        for (Finding f : attention) {
            h.append("<li class=\"").append(cssClass(f.status())).append("\"><a href=\"#").append(anchors.of(f)).append("\">")
                    .append(badge(f.status())).append(' ').append(Markup.text(f.title()))
                    .append("</a> <span class=\"sev\">").append(f.severity().id()).append("</span> <span class=\"muted\">")
                    .append(Markup.text(f.detail())).append("</span></li>\n");
        }
        h.append("</ol>\n</nav>\n");
    }

    private static void domain(ReportView view, Anchors anchors, String id, String name, List<Finding> findings,
                               StringBuilder h) {
        h.append("<section class=\"domain\" aria-labelledby=\"").append(id).append("\">\n<h2 id=\"").append(id).append("\">")
                .append(Markup.text(name)).append("</h2>\n");
        for (Finding f : findings) {
            finding(view, anchors.of(f), f, h);
        }
        h.append("</section>\n");
    }

    private static void finding(ReportView view, String id, Finding f, StringBuilder h) {
        Optional<CatalogEntry> entry = view.entry(f);
        h.append("<article class=\"finding ").append(cssClass(f.status())).append("\" id=\"").append(id).append("\">\n")
                .append("<h3>").append(badge(f.status())).append(' ').append(Markup.text(f.title()))
                .append(" <code class=\"control\">").append(Markup.text(f.control())).append("</code>")
                .append(" <span class=\"sev\">").append(f.severity().id()).append("</span></h3>\n");
        String lead = f.status().decided() ? "" : "<strong>Reason:</strong> ";
        h.append("<p class=\"detail\">").append(lead).append(Markup.text(f.detail())).append("</p>\n");
        if (!f.facts().isEmpty()) {
            h.append("<h4>Facts</h4>\n");
            facts(f.facts(), h);
            h.append('\n');
        }
        evidence(f.evidence(), h);
        if (needsRemediation(f.status())) {
            remediation(view, f, h);
        }
        entry.ifPresentOrElse(e -> catalogNotes(e, h),
                () -> h.append("<p class=\"muted\">This control is not in this version's catalog.</p>\n"));
        h.append("</article>\n");
    }

    private static boolean needsRemediation(Status s) {
        return switch (s) {
            case FAIL, WARN, UNKNOWN -> true;
            case PASS, NOT_APPLICABLE -> false;
        };
    }

    /** A compact key/value list; lists become item lists and nested objects nested key/value lists. */
    private static void facts(Map<?, ?> map, StringBuilder h) {
        h.append("<dl class=\"facts\">");
        for (Map.Entry<?, ?> e : map.entrySet()) {
            h.append("<dt>").append(Markup.text(String.valueOf(e.getKey()))).append("</dt><dd>");
            value(e.getValue(), h);
            h.append("</dd>");
        }
        h.append("</dl>");
    }

    private static void value(Object v, StringBuilder h) {
        switch (v) {
            case null -> h.append("<span class=\"muted\">null</span>");
            case Map<?, ?> m when m.isEmpty() -> h.append("<span class=\"muted\">none</span>");
            case Map<?, ?> m -> facts(m, h);
            case List<?> l when l.isEmpty() -> h.append("<span class=\"muted\">none</span>");
            case List<?> l -> {
                h.append("<ul class=\"values\">");
                for (Object item : l) {
                    h.append("<li>");
                    value(item, h);
                    h.append("</li>");
                }
                h.append("</ul>");
            }
            default -> h.append(Markup.text(String.valueOf(v)));
        }
    }

    private static void evidence(List<Evidence> evidence, StringBuilder h) {
        if (evidence.isEmpty()) {
            return;
        }
        h.append("<h4>Evidence</h4>\n");
        for (Evidence e : evidence) {
            h.append("<div class=\"evidence\"><p class=\"query\"><span class=\"source\">").append(e.source().id())
                    .append("</span> <code>").append(Markup.text(e.query())).append("</code>");
            if (e.exitCode() != null) {
                h.append(" <span class=\"exit\">exit ").append(e.exitCode()).append("</span>");
            }
            h.append("</p>\n");
            String excerpt = e.excerpt().replaceFirst("[\\r\\n]+$", "");
            if (excerpt.isEmpty()) {
                h.append("<p class=\"muted\">(empty)</p>");
            } else {
                h.append("<pre>").append(Markup.text(excerpt)).append("</pre>");
            }
            h.append("</div>\n");
        }
    }

    private static void remediation(ReportView view, Finding f, StringBuilder h) {
        List<String> steps = view.remediation(f);
        h.append("<h4>Remediation (").append(Markup.text(view.platform())).append(")</h4>\n");
        if (steps.isEmpty()) {
            h.append("<p class=\"muted\">The catalog has no remediation for ").append(Markup.text(view.platform()))
                    .append(".</p>\n");
            return;
        }
        h.append("<ol class=\"steps\">");
        for (String step : steps) {
            h.append("<li>").append(Markup.prose(step)).append("</li>");
        }
        h.append("</ol>\n");
    }

    private static void catalogNotes(CatalogEntry e, StringBuilder h) {
        h.append("<h4>Why it matters</h4>\n<p>").append(Markup.prose(e.rationale())).append("</p>\n");
        if (!e.caveats().isEmpty()) {
            h.append("<h4>Caveats</h4>\n<ul>");
            for (String c : e.caveats()) {
                h.append("<li>").append(Markup.prose(c)).append("</li>");
            }
            h.append("</ul>\n");
        }
        if (!e.references().isEmpty()) {
            h.append("<p class=\"refs\"><strong>References:</strong> ");
            List<Reference> refs = e.references();
            for (int i = 0; i < refs.size(); i++) {
                Reference r = refs.get(i);
                h.append(i == 0 ? "" : "; ").append("<span class=\"ref\">")
                        .append(Markup.text(r.standard() + " " + r.id()));
                if (!r.title().isBlank()) {
                    h.append(" <span class=\"muted\">").append(Markup.text(r.title())).append("</span>");
                }
                h.append("</span>");
            }
            h.append("</p>\n");
        }
    }

    private static String badge(Status s) {
        return "<span class=\"badge\">" + label(s) + "</span>";
    }

    static String label(Status s) {
        return switch (s) {
            case PASS -> "PASS";
            case FAIL -> "FAIL";
            case WARN -> "WARN";
            case UNKNOWN -> "UNKNOWN";
            case NOT_APPLICABLE -> "NOT APPLICABLE";
        };
    }

    private static String cssClass(Status s) {
        return switch (s) {
            case PASS -> "st-pass";
            case FAIL -> "st-fail";
            case WARN -> "st-warn";
            case UNKNOWN -> "st-unknown";
            case NOT_APPLICABLE -> "st-na";
        };
    }

    /** Fragment ids by position, so that no report text ever ends up in an id or href. */
    private static final class Anchors {
        private final Map<Finding, String> ids = new IdentityHashMap<>();

        Anchors(List<Finding> findings) {
            for (int i = 0; i < findings.size(); i++) {
                ids.put(findings.get(i), "f-" + (i + 1));
            }
        }

        String of(Finding f) {
            return ids.get(f);
        }
    }
}
