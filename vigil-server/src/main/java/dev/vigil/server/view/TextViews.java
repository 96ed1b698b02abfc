package dev.vigil.server.view;

import static dev.vigil.server.view.TextTable.Cell.colored;
import static dev.vigil.server.view.TextTable.Cell.plain;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.diff.ControlChange;
import dev.vigil.core.diff.ReportDiff;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Status;
import dev.vigil.core.text.Ansi;
import dev.vigil.core.text.Sgr;
import dev.vigil.core.text.TerminalText;
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
import dev.vigil.server.view.TextTable.Cell;
import dev.vigil.server.view.TextTable.Column;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fleet's resources as text tables for terminal clients (curl, wget, HTTPie): column widths from the
 * content, long values cut with an ellipsis, statuses coloured as in the audit table ({@link Sgr#of}: PASS green,
 * FAIL bold red, WARN yellow, UNKNOWN magenta) unless the {@link ColorMode} says never. Text from reports is cleaned
 * so that it cannot move the cursor or change colours. Pure and thread-safe: records in, text out.
 */
public final class TextViews {

    private static final int NAME = 40;
    private static final int TITLE = 48;
    private static final int OS = 32;
    private static final int ID = 36;

    private final Ansi ansi;

    /** Text views painting with colour or not. */
    public TextViews(ColorMode color) {
        this.ansi = new Ansi(Objects.requireNonNull(color, "color") == ColorMode.ALWAYS);
    }

    /** The fleet at a glance: the {@code /api/v1/summary} and {@code /} page. */
    public String summary(FleetSummary s) {
        StringBuilder out = new StringBuilder();
        heading(out, "Vigil fleet: " + s.hosts() + (s.hosts() == 1 ? " host" : " hosts"));
        out.append('\n');

        heading(out, "Hosts by status");
        TextTable byStatus = new TextTable(Column.left("STATUS", 10), Column.right("HOSTS"));
        for (HostStatus st : HostStatus.values()) {
            byStatus.row(colored(Views.status(st), style(st)), plain(s.byStatus().get(st)));
        }
        out.append(byStatus.render(ansi)).append('\n');

        heading(out, "Scores");
        TextTable scores = new TextTable(Column.left("SCORE", 10), Column.right("HOSTS"));
        for (ScoreBand b : ScoreBand.values()) {
            scores.row(plain(b.label()), plain(s.scores().get(b)));
        }
        out.append(scores.render(ansi)).append('\n');

        heading(out, "Controls failing on most hosts");
        TextTable top = new TextTable(Column.left("CONTROL", NAME), Column.right("FAILING HOSTS"));
        for (ControlFailures c : s.topFailing()) {
            top.row(plain(c.control()), colored(c.failingHosts(), Sgr.RED));
        }
        table(out, top, "No control fails on any host.");
        out.append('\n');

        heading(out, "Stale hosts: " + s.staleHosts());
        if (s.staleHosts() > 0) {
            out.append(hostTable(s.stalest()).render(ansi));
        }
        out.append('\n');
        hint(out, "Hosts: " + Views.HOSTS + "   Controls: " + Views.CONTROLS);
        return out.toString();
    }

    /** One page of hosts; {@code here} is the request, for the next page's URL. */
    public String hosts(HostPage page, ResourceUrl here) {
        StringBuilder out = new StringBuilder();
        heading(out, "Hosts: " + page.hosts().size() + " on this page");
        table(out, hostTable(page.hosts()), "No hosts match.");
        next(out, page.next(), here);
        return out.toString();
    }

    /** One host: its summary and the status of each control in its latest report, worst first. */
    public String host(HostDetail d, Catalog catalog) {
        HostSummary h = d.summary();
        StringBuilder out = new StringBuilder();
        heading(out, "Host " + h.hostname());
        TextTable facts = new TextTable(Column.left("", 10), Column.left("", 64));
        facts.row(plain("Status"), colored(Views.status(h.status()), style(h.status())));
        facts.row(plain("Score"), plain(h.score()));
        facts.row(plain("OS"), plain(Views.os(h.os())));
        facts.row(plain("Last seen"), plain(Views.time(h.lastSeen())));
        facts.row(plain("Host id"), plain(h.hostId()));
        facts.row(plain("Report"), plain(h.reportId()));
        out.append(facts.renderRows(ansi));
        out.append(counts(h.counts())).append("\n\n");

        TextTable findings = new TextTable(Column.left("CONTROL", NAME), Column.left("STATUS", 8),
                Column.left("SEVERITY", 8), Column.left("TITLE", TITLE));
        for (HostFinding f : HostFinding.of(d, catalog)) {
            findings.row(plain(f.control()), colored(Views.status(f.status()), Sgr.of(f.status())),
                    plain(f.severity()), plain(f.title()));
        }
        table(out, findings, "The latest report has no findings.");
        return out.toString();
    }

    /** The catalog with fleet counts per status. */
    public String controls(List<ControlCounts> controls) {
        StringBuilder out = new StringBuilder();
        heading(out, "Controls: " + controls.size());
        TextTable t = new TextTable(Column.left("CONTROL", NAME), Column.left("SEVERITY", 8), Column.left("TITLE", TITLE),
                Column.right("PASS"), Column.right("FAIL"), Column.right("WARN"), Column.right("UNKNOWN"),
                Column.right("N/A"));
        for (ControlCounts c : controls) {
            CatalogEntry e = c.control();
            StatusCounts n = c.hosts();
            t.row(plain(e.id()), plain(e.severity().id()), plain(e.title()), count(n, Status.PASS), count(n, Status.FAIL),
                    count(n, Status.WARN), count(n, Status.UNKNOWN), count(n, Status.NOT_APPLICABLE));
        }
        table(out, t, "The catalog is empty.");
        return out.toString();
    }

    /** One control: hosts by status and a page of the hosts failing it; {@code here} is the request. */
    public String control(ControlDetail d, Catalog catalog, ResourceUrl here) {
        StringBuilder out = new StringBuilder();
        Optional<CatalogEntry> e = catalog.find(d.control());
        heading(out, "Control " + d.control()
                + e.map(x -> ": " + x.title() + " (" + x.severity().id() + ")").orElse(" (not in the catalog)"));
        out.append(counts(d.hosts())).append("\n\n");
        heading(out, "Failing hosts");
        table(out, hostTable(d.failing().hosts()), "No host fails this control.");
        next(out, d.failing().next(), here);
        return out.toString();
    }

    /** A host's reports, newest first; {@code here} is the request, for the next page's URL. */
    public String history(String hostId, List<ReportEntry> reports, Optional<String> next, ResourceUrl here) {
        StringBuilder out = new StringBuilder();
        heading(out, "Reports of host " + hostId + ": " + reports.size() + " on this page");
        TextTable t = new TextTable(Column.left("FINISHED", 24), Column.left("RECEIVED", 24), Column.right("SCORE"),
                Column.left("REPORT ID", ID));
        for (ReportEntry e : reports) {
            t.row(plain(Views.time(e.finishedAt())), plain(Views.time(e.receivedAt())), plain(e.score()),
                    plain(e.reportId()));
        }
        table(out, t, "No reports.");
        next(out, next, here);
        return out.toString();
    }

    /** What changed between two reports of a host: regressions first, then fixes and other moves. */
    public String diff(ReportDiff d) {
        StringBuilder out = new StringBuilder();
        heading(out, "Changes from report " + d.fromReport() + " to " + d.toReport());
        out.append('\n');
        for (Views.ChangeGroup g : Views.changeGroups(d)) {
            heading(out, g.title() + ": " + g.changes().size());
            TextTable t = new TextTable(Column.left("CONTROL", NAME), Column.left("FROM", 8), Column.left("TO", 8),
                    Column.left("SEVERITY", 8), Column.left("DETAIL", TITLE));
            for (ControlChange c : g.changes()) {
                t.row(plain(c.control()), change(c.from()), change(c.to()), plain(c.severity().id()), plain(c.detail()));
            }
            table(out, t, "None.");
            out.append('\n');
        }
        return out.toString();
    }

    /** One stored report: its host, times and score, and every finding with its detail. */
    public String report(Report r) {
        StringBuilder out = new StringBuilder();
        heading(out, "Report " + r.reportId() + " of host " + r.host().hostname());
        TextTable facts = new TextTable(Column.left("", 10), Column.left("", 64));
        facts.row(plain("Host id"), plain(r.host().id()));
        facts.row(plain("OS"), plain(Views.os(r.host().os())));
        facts.row(plain("Finished"), plain(Views.time(r.finishedAt())));
        facts.row(plain("Score"), plain(r.summary().score()));
        facts.row(plain("Elevated"), plain(r.elevated() ? "yes" : "no"));
        facts.row(plain("Agent"), plain(r.agent().version()));
        out.append(facts.renderRows(ansi)).append('\n');
        TextTable findings = new TextTable(Column.left("CONTROL", NAME), Column.left("STATUS", 8),
                Column.left("SEVERITY", 8), Column.left("DETAIL", 72));
        for (Finding f : r.findings()) {
            findings.row(plain(f.control()), colored(Views.status(f.status()), Sgr.of(f.status())),
                    plain(f.severity().id()), plain(f.detail()));
        }
        table(out, findings, "The report has no findings.");
        return out.toString();
    }

    /** A heading over label and value lines, for small status documents such as health and readiness. */
    public String facts(String title, Map<String, String> facts) {
        StringBuilder out = new StringBuilder();
        heading(out, title);
        TextTable t = new TextTable(Column.left("", 16), Column.left("", 96));
        facts.forEach((k, v) -> t.row(plain(k), plain(v)));
        out.append(t.renderRows(ansi));
        return out.toString();
    }

    private static Cell change(Optional<Status> s) {
        return s.map(x -> colored(Views.status(x), Sgr.of(x))).orElse(plain("-"));
    }

    private TextTable hostTable(List<HostSummary> hosts) {
        TextTable t = new TextTable(Column.left("HOSTNAME", NAME), Column.left("STATUS", 8), Column.right("SCORE"),
                Column.left("OS", OS), Column.left("LAST SEEN", 24), Column.right("FAIL"), Column.right("WARN"),
                Column.left("HOST ID", ID));
        for (HostSummary h : hosts) {
            t.row(plain(h.hostname()), colored(Views.status(h.status()), style(h.status())), plain(h.score()),
                    plain(Views.os(h.os())), plain(Views.time(h.lastSeen())), count(h.counts(), Status.FAIL),
                    count(h.counts(), Status.WARN), plain(h.hostId()));
        }
        return t;
    }

    /** A host's status in the colour of the finding status it stands for. */
    private static Sgr style(HostStatus s) {
        return switch (s) {
            case PASSING -> Sgr.of(Status.PASS);
            case FAILING -> Sgr.of(Status.FAIL);
            case WARNING -> Sgr.of(Status.WARN);
        };
    }

    /** A count, coloured by its status when not zero. */
    private static Cell count(StatusCounts n, Status s) {
        int v = n.get(s);
        return v == 0 ? plain(v) : colored(v, Sgr.of(s));
    }

    /** "PASS 3  FAIL 1  ..." with each label in its colour. */
    private String counts(StatusCounts n) {
        StringBuilder sb = new StringBuilder();
        for (Status s : Status.values()) {
            if (!sb.isEmpty()) {
                sb.append("  ");
            }
            sb.append(ansi.paint(Views.status(s), Sgr.of(s))).append(' ').append(n.get(s));
        }
        return sb.toString();
    }

    /** A bold line; the report text in it (hostnames, control ids, titles) is made safe here, once. */
    private void heading(StringBuilder out, String text) {
        out.append(ansi.paint(TerminalText.oneLine(text), Sgr.BOLD)).append('\n');
    }

    private void hint(StringBuilder out, String text) {
        out.append(ansi.paint(text, Sgr.DIM)).append('\n');
    }

    private void table(StringBuilder out, TextTable t, String whenEmpty) {
        out.append(t.isEmpty() ? whenEmpty + "\n" : t.render(ansi));
    }

    private void next(StringBuilder out, Optional<String> next, ResourceUrl here) {
        next.ifPresent(c -> {
            out.append('\n');
            hint(out, "Next page: " + here.with("cursor", c));
        });
    }
}
