package dev.vigil.server.view;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.diff.ControlChange;
import dev.vigil.core.diff.ReportDiff;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Status;
import dev.vigil.server.fleet.ControlCounts;
import dev.vigil.server.fleet.ControlDetail;
import dev.vigil.server.fleet.ControlFailures;
import dev.vigil.server.fleet.FleetSummary;
import dev.vigil.server.fleet.HostDetail;
import dev.vigil.server.fleet.HostPage;
import dev.vigil.server.fleet.HostStatus;
import dev.vigil.server.fleet.HostSummary;
import dev.vigil.server.fleet.ScoreBand;
import dev.vigil.server.fleet.StatusCounts;
import dev.vigil.server.store.ReportEntry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fleet's resources as plain server-rendered HTML5 pages for browsers: self-contained (inline CSS, no
 * scripts, nothing fetched from anywhere), every value escaped, pages linked to each other (hosts to host
 * detail, controls to control detail, a next-page link where there is one) under a small nav, and readable
 * when printed. Every link asks for {@code format=html}, so it stays HTML whatever the browser sends.
 * Pure and thread-safe: records in, text out.
 */
public final class HtmlViews {

    private static final String STYLE = """
            body{font:15px/1.45 system-ui,sans-serif;color:#1b1f24;background:#fff;margin:0 auto;max-width:72rem;padding:0 1rem}
            header h1{font-size:1.5rem;margin:1rem 0 .25rem}
            nav{border-bottom:1px solid #d0d7de;padding:.25rem 0 .5rem}
            nav a{margin-right:1rem}
            h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
            table{border-collapse:collapse;margin:.5rem 0}
            th,td{text-align:left;padding:.25rem .75rem .25rem 0;border-bottom:1px solid #eaeef2;vertical-align:top}
            th{font-weight:600}
            td.n,th.n{text-align:right}
            dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}
            dt{font-weight:600}
            dd{margin:0}
            code{font-family:ui-monospace,monospace;font-size:.9em}
            .pass,.passing{color:#1a7f37}
            .fail,.failing{color:#cf222e;font-weight:600}
            .warn,.warning{color:#9a6700}
            .unknown{color:#8250df}
            .not_applicable,.empty,footer{color:#57606a}
            footer{border-top:1px solid #d0d7de;margin-top:2rem;padding:.5rem 0;font-size:.85rem}
            a{color:#0969da}
            @media print{nav,.paging,footer{display:none}a{color:inherit;text-decoration:none}body{max-width:none}}
            """;

    /** HTML views; they hold no state. */
    public HtmlViews() {
    }

    /** The fleet at a glance: the {@code /api/v1/summary} and {@code /} page. */
    public String summary(FleetSummary s) {
        Html h = new Html();
        h.raw("<h2>Hosts by status</h2>\n<table>\n<thead><tr><th>Status</th><th class=\"n\">Hosts</th></tr></thead>\n<tbody>\n");
        for (HostStatus st : HostStatus.values()) {
            h.raw("<tr><td>").link(html(ResourceUrl.of(Views.HOSTS).with("status", st.id())), Views.status(st))
                    .raw("</td><td class=\"n ").raw(st.id()).raw("\">").text(s.byStatus().get(st)).raw("</td></tr>\n");
        }
        h.raw("</tbody>\n</table>\n<h2>Scores</h2>\n<table>\n<thead><tr><th>Score</th><th class=\"n\">Hosts</th></tr></thead>\n<tbody>\n");
        for (ScoreBand b : ScoreBand.values()) {
            h.raw("<tr><td>").text(b.label()).raw("</td><td class=\"n\">").text(s.scores().get(b)).raw("</td></tr>\n");
        }
        h.raw("</tbody>\n</table>\n<h2>Controls failing on most hosts</h2>\n");
        if (s.topFailing().isEmpty()) {
            h.raw("<p class=\"empty\">No control fails on any host.</p>\n");
        } else {
            h.raw("<table>\n<thead><tr><th>Control</th><th class=\"n\">Failing hosts</th></tr></thead>\n<tbody>\n");
            for (ControlFailures c : s.topFailing()) {
                h.raw("<tr><td>").link(html(Views.control(c.control())), c.control()).raw("</td><td class=\"n fail\">")
                        .link(html(ResourceUrl.of(Views.HOSTS).with("failing", c.control())), c.failingHosts())
                        .raw("</td></tr>\n");
            }
            h.raw("</tbody>\n</table>\n");
        }
        h.raw("<h2>Stale hosts: ").text(s.staleHosts()).raw("</h2>\n");
        if (s.staleHosts() > 0) {
            hostTable(h, s.stalest());
        }
        String title = s.hosts() + (s.hosts() == 1 ? " host" : " hosts");
        return page("Fleet: " + title, "Vigil fleet: " + title, ResourceUrl.of(Views.SUMMARY), h);
    }

    /** One page of hosts; {@code here} is the request, for the next page's link. */
    public String hosts(HostPage page, ResourceUrl here) {
        Html h = new Html();
        if (page.hosts().isEmpty()) {
            h.raw("<p class=\"empty\">No hosts match.</p>\n");
        } else {
            hostTable(h, page.hosts());
        }
        next(h, page.next(), here);
        return page("Hosts", "Hosts: " + page.hosts().size() + " on this page", here, h);
    }

    /** One host: its summary and the status of each control in its latest report, worst first. */
    public String host(HostDetail d, Catalog catalog) {
        HostSummary s = d.summary();
        Html h = new Html();
        h.raw("<dl>\n<dt>Status</dt><dd>").element("span", s.status().id(), Views.status(s.status())).raw("</dd>\n")
                .raw("<dt>Score</dt><dd>").text(s.score()).raw("</dd>\n")
                .raw("<dt>OS</dt><dd>").text(Views.os(s.os())).raw("</dd>\n")
                .raw("<dt>Last seen</dt><dd>").text(Views.time(s.lastSeen())).raw("</dd>\n")
                .raw("<dt>Host id</dt><dd><code>").text(s.hostId()).raw("</code></dd>\n")
                .raw("<dt>Report</dt><dd><code>").text(s.reportId()).raw("</code></dd>\n")
                .raw("<dt>Findings</dt><dd>");
        counts(h, s.counts());
        h.raw("</dd>\n</dl>\n<h2>Findings</h2>\n");
        List<HostFinding> findings = HostFinding.of(d, catalog);
        if (findings.isEmpty()) {
            h.raw("<p class=\"empty\">The latest report has no findings.</p>\n");
        } else {
            h.raw("<table class=\"findings\">\n<thead><tr><th>Control</th><th>Status</th><th>Severity</th><th>Title</th></tr></thead>\n<tbody>\n");
            for (HostFinding f : findings) {
                h.raw("<tr><td>").link(html(Views.control(f.control())), f.control()).raw("</td><td>");
                status(h, f.status());
                h.raw("</td><td>").text(f.severity()).raw("</td><td>").text(f.title()).raw("</td></tr>\n");
            }
            h.raw("</tbody>\n</table>\n");
        }
        return page("Host " + s.hostname(), "Host " + s.hostname(), Views.host(s.hostId()), h);
    }

    /** The catalog with fleet counts per status. */
    public String controls(List<ControlCounts> controls) {
        Html h = new Html();
        if (controls.isEmpty()) {
            h.raw("<p class=\"empty\">The catalog is empty.</p>\n");
        } else {
            h.raw("<table class=\"controls\">\n<thead><tr><th>Control</th><th>Severity</th><th>Title</th>");
            for (Status st : Status.values()) {
                h.raw("<th class=\"n\">").text(Views.status(st)).raw("</th>");
            }
            h.raw("</tr></thead>\n<tbody>\n");
            for (ControlCounts c : controls) {
                CatalogEntry e = c.control();
                h.raw("<tr><td>").link(html(Views.control(e.id())), e.id()).raw("</td><td>").text(e.severity().id())
                        .raw("</td><td>").text(e.title()).raw("</td>");
                for (Status st : Status.values()) {
                    int n = c.hosts().get(st);
                    h.raw(n == 0 ? "<td class=\"n\">" : "<td class=\"n " + cls(st) + "\">");
                    if (st == Status.FAIL && n > 0) {
                        h.link(html(ResourceUrl.of(Views.HOSTS).with("failing", e.id())), n);
                    } else {
                        h.text(n);
                    }
                    h.raw("</td>");
                }
                h.raw("</tr>\n");
            }
            h.raw("</tbody>\n</table>\n");
        }
        return page("Controls", "Controls: " + controls.size(), ResourceUrl.of(Views.CONTROLS), h);
    }

    /** One control: hosts by status and a page of the hosts failing it; {@code here} is the request. */
    public String control(ControlDetail d, Catalog catalog, ResourceUrl here) {
        Optional<CatalogEntry> e = catalog.find(d.control());
        Html h = new Html();
        h.raw("<dl>\n<dt>Control</dt><dd><code>").text(d.control()).raw("</code></dd>\n");
        if (e.isPresent()) {
            h.raw("<dt>Severity</dt><dd>").text(e.get().severity().id()).raw("</dd>\n")
                    .raw("<dt>Domain</dt><dd>").text(e.get().domain()).raw("</dd>\n")
                    .raw("<dt>Why</dt><dd>").text(e.get().rationale()).raw("</dd>\n");
        } else {
            h.raw("<dt>Catalog</dt><dd>not in the catalog</dd>\n");
        }
        h.raw("<dt>Hosts</dt><dd>");
        counts(h, d.hosts());
        h.raw("</dd>\n</dl>\n<h2>Failing hosts</h2>\n");
        if (d.failing().hosts().isEmpty()) {
            h.raw("<p class=\"empty\">No host fails this control.</p>\n");
        } else {
            hostTable(h, d.failing().hosts());
        }
        next(h, d.failing().next(), here);
        String title = e.map(CatalogEntry::title).orElse(d.control());
        return page("Control " + d.control(), "Control: " + title, here, h);
    }

    /** A host's reports, newest first; {@code here} is the request, for the next page's link. */
    public String history(String hostId, List<ReportEntry> reports, Optional<String> next, ResourceUrl here) {
        Html h = new Html();
        if (reports.isEmpty()) {
            h.raw("<p class=\"empty\">No reports.</p>\n");
        } else {
            h.raw("<table class=\"reports\">\n<thead><tr><th>Finished</th><th>Received</th><th class=\"n\">Score</th>"
                    + "<th>Report</th></tr></thead>\n<tbody>\n");
            for (ReportEntry e : reports) {
                h.raw("<tr><td>").text(Views.time(e.finishedAt())).raw("</td><td>").text(Views.time(e.receivedAt()))
                        .raw("</td><td class=\"n\">").text(e.score()).raw("</td><td>")
                        .link(html(Views.report(e.reportId())), e.reportId()).raw("</td></tr>\n");
            }
            h.raw("</tbody>\n</table>\n");
        }
        next(h, next, here);
        return page("Reports of " + hostId, "Reports of host " + hostId, here, h);
    }

    /** What changed between two reports of a host: regressions first, then fixes and other moves. */
    public String diff(ReportDiff d, ResourceUrl here) {
        Html h = new Html();
        h.raw("<p>From ").link(html(Views.report(d.fromReport())), d.fromReport()).raw(" to ")
                .link(html(Views.report(d.toReport())), d.toReport()).raw("</p>\n");
        for (Views.ChangeGroup g : Views.changeGroups(d)) {
            h.raw("<h2>").text(g.title() + ": " + g.changes().size()).raw("</h2>\n");
            if (g.changes().isEmpty()) {
                h.raw("<p class=\"empty\">None.</p>\n");
                continue;
            }
            h.raw("<table class=\"changes\">\n<thead><tr><th>Control</th><th>From</th><th>To</th><th>Severity</th>"
                    + "<th>Detail</th></tr></thead>\n<tbody>\n");
            for (ControlChange c : g.changes()) {
                h.raw("<tr><td>").link(html(Views.control(c.control())), c.control()).raw("</td><td>");
                change(h, c.from());
                h.raw("</td><td>");
                change(h, c.to());
                h.raw("</td><td>").text(c.severity().id()).raw("</td><td>").text(c.detail()).raw("</td></tr>\n");
            }
            h.raw("</tbody>\n</table>\n");
        }
        return page("Changes", "Changes between two reports", here, h);
    }

    /** One stored report: its host, times and score, and every finding with its detail. */
    public String report(Report r) {
        Html h = new Html();
        h.raw("<dl>\n<dt>Host</dt><dd>").link(html(Views.host(r.host().id())), r.host().hostname()).raw("</dd>\n")
                .raw("<dt>OS</dt><dd>").text(Views.os(r.host().os())).raw("</dd>\n")
                .raw("<dt>Finished</dt><dd>").text(Views.time(r.finishedAt())).raw("</dd>\n")
                .raw("<dt>Score</dt><dd>").text(r.summary().score()).raw("</dd>\n")
                .raw("<dt>Elevated</dt><dd>").text(r.elevated() ? "yes" : "no").raw("</dd>\n")
                .raw("<dt>Agent</dt><dd>").text(r.agent().version()).raw("</dd>\n</dl>\n<h2>Findings</h2>\n");
        if (r.findings().isEmpty()) {
            h.raw("<p class=\"empty\">The report has no findings.</p>\n");
        } else {
            h.raw("<table class=\"findings\">\n<thead><tr><th>Control</th><th>Status</th><th>Severity</th>"
                    + "<th>Detail</th></tr></thead>\n<tbody>\n");
            for (Finding f : r.findings()) {
                h.raw("<tr><td>").link(html(Views.control(f.control())), f.control()).raw("</td><td>");
                status(h, f.status());
                h.raw("</td><td>").text(f.severity().id()).raw("</td><td>").text(f.detail()).raw("</td></tr>\n");
            }
            h.raw("</tbody>\n</table>\n");
        }
        return page("Report " + r.reportId(), "Report of host " + r.host().hostname(), Views.report(r.reportId()), h);
    }

    /** A heading over label and value pairs, for small status documents such as health and readiness. */
    public String facts(String title, Map<String, String> facts, ResourceUrl here) {
        Html h = new Html();
        h.raw("<dl>\n");
        facts.forEach((k, v) -> h.raw("<dt>").text(k).raw("</dt><dd>").text(v).raw("</dd>\n"));
        h.raw("</dl>\n");
        return page(title, title, here, h);
    }

    private static void change(Html h, Optional<Status> s) {
        if (s.isPresent()) {
            status(h, s.get());
        } else {
            h.raw("-");
        }
    }

    private static void hostTable(Html h, List<HostSummary> hosts) {
        h.raw("<table class=\"hosts\">\n<thead><tr><th>Hostname</th><th>Status</th><th class=\"n\">Score</th><th>OS</th>"
                + "<th>Last seen</th><th class=\"n\">Fail</th><th class=\"n\">Warn</th></tr></thead>\n<tbody>\n");
        for (HostSummary s : hosts) {
            h.raw("<tr><td>").link(html(Views.host(s.hostId())), s.hostname()).raw("</td><td>")
                    .element("span", s.status().id(), Views.status(s.status()))
                    .raw("</td><td class=\"n\">").text(s.score())
                    .raw("</td><td>").text(Views.os(s.os()))
                    .raw("</td><td>").text(Views.time(s.lastSeen()))
                    .raw("</td><td class=\"n\">").text(s.counts().fail())
                    .raw("</td><td class=\"n\">").text(s.counts().warn()).raw("</td></tr>\n");
        }
        h.raw("</tbody>\n</table>\n");
    }

    private static void counts(Html h, StatusCounts n) {
        boolean first = true;
        for (Status st : Status.values()) {
            h.raw(first ? "" : ", ");
            status(h, st);
            h.raw(" ").text(n.get(st));
            first = false;
        }
    }

    private static void status(Html h, Status st) {
        h.element("span", cls(st), Views.status(st));
    }

    private static String cls(Status st) {
        return st.name().toLowerCase(Locale.ROOT);
    }

    private static void next(Html h, Optional<String> next, ResourceUrl here) {
        next.ifPresent(c -> h.raw("<p class=\"paging\"><a rel=\"next\" href=\"")
                .text(html(here.with("cursor", c)).toString()).raw("\">Next page</a></p>\n"));
    }

    private static ResourceUrl html(ResourceUrl url) {
        return url.with("format", "html");
    }

    /** The whole document around a page's main content; {@code self} is the resource, for the other formats' links. */
    private static String page(String title, String heading, ResourceUrl self, Html main) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .raw("<title>Vigil: ").text(title).raw("</title>\n<style>\n").raw(STYLE).raw("</style>\n</head>\n<body>\n")
                .raw("<header><h1>").text(heading).raw("</h1></header>\n")
                .raw("<nav>").link(html(ResourceUrl.of(Views.SUMMARY)), "Summary").link(html(ResourceUrl.of(Views.HOSTS)), "Hosts")
                .link(html(ResourceUrl.of(Views.CONTROLS)), "Controls").raw("</nav>\n")
                .raw("<main>\n").raw(main.toString()).raw("</main>\n")
                .raw("<footer>Also as ").link(self.with("format", "json"), "JSON").raw(" or ")
                .link(self.with("format", "text"), "text").raw(".</footer>\n</body>\n</html>\n");
        return h.toString();
    }
}
