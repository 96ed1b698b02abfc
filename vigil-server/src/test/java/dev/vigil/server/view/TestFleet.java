package dev.vigil.server.view;

import static dev.vigil.core.testing.Reports.T0;
import static dev.vigil.core.testing.Reports.finding;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.report.AgentInfo;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Host;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.OsInfo;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Severity;
import dev.vigil.core.report.Status;
import dev.vigil.server.fleet.FleetView;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
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
