package dev.vigil.server.view;

import static dev.vigil.core.testing.Reports.T0;
import static dev.vigil.core.testing.Reports.finding;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.diff.ReportDiff;
import dev.vigil.core.report.AgentInfo;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Host;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.OsInfo;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Severity;
import dev.vigil.core.report.Status;
import dev.vigil.server.fleet.FleetView;
import dev.vigil.server.store.ReportEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A small realistic fleet in a real {@link FleetView}, with a hostile and a wide-character hostname. */
final class TestFleet {

    static final String HOSTILE = "<script>alert(\"x\")</script> & 'quoted' \u001b[31mred\u001b[0m";
    static final String HOSTILE_ID = "evil/../id?x=1&y=\"2\"";
    static final String WIDE = "サーバー-東京-01";
    static final String DISK = "disk.encryption.system";
    static final String FIREWALL = "firewall.enabled";
    static final String ASLR = "kernel.aslr";
    static final String SSH = "remote.ssh";
    static final Catalog CATALOG = Catalog.bundled();
    static final Instant NOW = T0.plus(Duration.ofDays(10));

    private static final OsInfo DEBIAN = new OsInfo(OsFamily.LINUX, "Debian GNU/Linux 12 (bookworm)", "12");
    private static final OsInfo WIN11 = new OsInfo(OsFamily.WINDOWS, "Windows 11 Pro", "10.0.22631");
    private static final OsInfo SONOMA = new OsInfo(OsFamily.MACOS, "macOS Sonoma", "14.7.1");

    private TestFleet() {
    }

    /** A report of the hostile host whose agent version and finding detail are hostile too. */
    static Report hostileReport(int minutesAgo, Status firewall) {
        Finding f = new Finding(FIREWALL, firewall, Severity.HIGH, "Host firewall enabled", HOSTILE, Map.of(),
                List.of(), 3);
        Instant at = NOW.minus(Duration.ofMinutes(minutesAgo));
        return Report.of(new UUID(1, minutesAgo), new Host(HOSTILE_ID, HOSTILE, new OsInfo(OsFamily.LINUX, HOSTILE, HOSTILE),
                "x86_64"), new AgentInfo(HOSTILE), at.minusSeconds(1), at, true, List.of(f));
    }

    /** The views of single reports: the hostile host's history, a diff (its firewall failed), a report, facts. */
    static List<String> reportViews(TextViews t) {
        Report before = hostileReport(60, Status.PASS);
        Report after = hostileReport(10, Status.FAIL);
        return List.of(
                t.history(HOSTILE_ID, List.of(entry(after), entry(before)), Optional.of("next-cursor"),
                        ResourceUrl.of("/api/v1/hosts/x/reports")),
                t.diff(ReportDiff.between(before, after)),
                t.report(after),
                t.facts("Vigil kernel: ready", Map.of("Message", HOSTILE)));
    }

    static List<String> reportViews(HtmlViews h) {
        Report before = hostileReport(60, Status.PASS);
        Report after = hostileReport(10, Status.FAIL);
        ResourceUrl here = ResourceUrl.of("/api/v1/hosts/x/reports");
        return List.of(
                h.history(HOSTILE_ID, List.of(entry(after), entry(before)), Optional.of("next-cursor"), here),
                h.diff(ReportDiff.between(before, after), here),
                h.report(after),
                h.facts("Vigil kernel: ready", Map.of("Message", HOSTILE), ResourceUrl.of("/readyz")));
    }

    private static ReportEntry entry(Report r) {
        return new ReportEntry(1, r.reportId(), r.host().id(), r.finishedAt(), r.startedAt(),
                r.finishedAt(), r.summary().score());
    }

    /** Six hosts: failing, warning, passing, stale, hostile and wide-named. */
    static FleetView view() {
        FleetView v = new FleetView(InstantSource.fixed(NOW));
        int[] serial = {0};
        record R(String id, String name, OsInfo os, Instant at, List<Finding> findings) {
        }
        List<R> fleet = List.of(
                new R("a1", "web-01", DEBIAN, NOW.minusSeconds(600), List.of(
                        finding(DISK, Status.PASS, Severity.CRITICAL), finding(FIREWALL, Status.FAIL, Severity.HIGH),
                        finding(ASLR, Status.PASS, Severity.MEDIUM), finding(SSH, Status.NOT_APPLICABLE, Severity.MEDIUM))),
                new R("a2", "db-01", DEBIAN, NOW.minusSeconds(300), List.of(
                        finding(DISK, Status.WARN, Severity.CRITICAL), finding(FIREWALL, Status.PASS, Severity.HIGH),
                        finding(ASLR, Status.UNKNOWN, Severity.MEDIUM))),
                new R("b1", "LAPTOP-7", WIN11, NOW.minusSeconds(60), List.of(
                        finding(DISK, Status.PASS, Severity.CRITICAL), finding(FIREWALL, Status.PASS, Severity.HIGH))),
                new R("c1", "old-mac", SONOMA, NOW.minus(Duration.ofDays(9)), List.of(
                        finding(DISK, Status.FAIL, Severity.CRITICAL), finding(FIREWALL, Status.FAIL, Severity.HIGH))),
                new R(HOSTILE_ID, HOSTILE, new OsInfo(OsFamily.LINUX, HOSTILE, HOSTILE), NOW.minusSeconds(30), List.of(
                        finding(FIREWALL, Status.FAIL, Severity.HIGH))),
                new R("d1", WIDE, DEBIAN, NOW.minusSeconds(10), List.of(
                        finding(FIREWALL, Status.FAIL, Severity.HIGH), finding(DISK, Status.PASS, Severity.CRITICAL))));
        for (R r : fleet) {
            v.apply(Report.of(new UUID(0, ++serial[0]), new Host(r.id(), r.name(), r.os(), "x86_64"),
                    new AgentInfo("0.1.0-test"), r.at().minusSeconds(1), r.at(), true, r.findings()));
        }
        return v;
    }
}
