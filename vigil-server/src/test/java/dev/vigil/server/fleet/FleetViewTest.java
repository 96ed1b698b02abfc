package dev.vigil.server.fleet;

import static dev.vigil.core.report.Status.FAIL;
import static dev.vigil.core.report.Status.NOT_APPLICABLE;
import static dev.vigil.core.report.Status.PASS;
import static dev.vigil.core.report.Status.UNKNOWN;
import static dev.vigil.core.report.Status.WARN;
import static dev.vigil.core.testing.Reports.T0;
import static dev.vigil.core.testing.Reports.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.diff.ControlChange;
import dev.vigil.core.report.AgentInfo;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Host;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.OsInfo;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Severity;
import dev.vigil.core.report.Status;
import dev.vigil.core.testing.Reports;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FleetViewTest {

    private static final OsInfo DEBIAN = Reports.host("x").os();
    private static final OsInfo WIN11 = new OsInfo(OsFamily.WINDOWS, "Windows 11 Pro", "10.0.22631");
    private static final OsInfo SONOMA = new OsInfo(OsFamily.MACOS, "macOS Sonoma", "14.7.1");
    private static final String DISK = "disk.encryption.system";
    private static final String FIREWALL = "firewall.enabled";
    private static final String STEALTH = "firewall.stealth";

    private final TestClock clock = new TestClock(T0.plus(Duration.ofHours(1)));
    private final FleetView view = new FleetView(clock);
    private int serial;

    private Report report(String id, String hostname, OsInfo os, Instant finishedAt, Finding... findings) {
        return Report.of(new UUID(0, ++serial), new Host(id, hostname, os, "x86_64"), new AgentInfo("0.1.0-test"),
                finishedAt.minusSeconds(1), finishedAt, true, List.of(findings));
    }

    private Report report(String id, Instant finishedAt, Status disk, Status firewall) {
        return report(id, "host-" + id, DEBIAN, finishedAt,
                finding(DISK, disk, Severity.CRITICAL), finding(FIREWALL, firewall, Severity.HIGH));
    }

    @Test
    void firstReportOfAHostAddsIt() {
        ApplyResult r = view.apply(report("a", T0, PASS, FAIL));

        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.NEW_HOST);
        assertThat(r.diff()).isEmpty();
        assertThat(r.version()).isEqualTo(view.version()).isPositive();
        assertThat(r.host().hostId()).isEqualTo("a");
        assertThat(r.host().counts()).isEqualTo(new StatusCounts(1, 1, 0, 0, 0));
        assertThat(r.host().status()).isEqualTo(HostStatus.FAILING);
    }

    @Test
    void newerReportReplacesLatestAndReturnsRegressions() {
        view.apply(report("a", T0, PASS, PASS));
        Report newer = report("a", T0.plusSeconds(60), FAIL, PASS);

        ApplyResult r = view.apply(newer);

        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.UPDATED);
        assertThat(r.host().reportId()).isEqualTo(newer.reportId());
        assertThat(r.host().lastSeen()).isEqualTo(T0.plusSeconds(60));
        assertThat(r.diff()).get().satisfies(d -> {
            assertThat(d.toReport()).isEqualTo(newer.reportId());
            assertThat(d.regressions()).extracting(ControlChange::control).containsExactly(DISK);
            assertThat(d.regressions().getFirst().from()).contains(PASS);
            assertThat(d.regressions().getFirst().to()).contains(FAIL);
            assertThat(d.regressions().getFirst().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(d.fixes()).isEmpty();
        });
        assertThat(view.controls(Catalog.bundled())).filteredOn(c -> c.control().id().equals(DISK))
                .extracting(ControlCounts::hosts).containsExactly(new StatusCounts(0, 1, 0, 0, 0));
    }

    @Test
    void diffNamesFixesAndControlsAddedOrRemoved() {
        view.apply(report("a", "host-a", DEBIAN, T0, finding(DISK, FAIL, Severity.CRITICAL), finding(STEALTH, PASS, Severity.LOW)));

        ApplyResult r = view.apply(report("a", "host-a", DEBIAN, T0.plusSeconds(1),
                finding(DISK, PASS, Severity.CRITICAL), finding(FIREWALL, PASS, Severity.HIGH)));

        assertThat(r.diff()).get().satisfies(d -> {
            assertThat(d.regressions()).isEmpty();
            assertThat(d.fixes()).extracting(ControlChange::control).containsExactly(DISK);
            assertThat(d.added()).extracting(ControlChange::control).containsExactly(FIREWALL);
            assertThat(d.removed()).extracting(ControlChange::control).containsExactly(STEALTH);
            assertThat(d.removed().getFirst().title()).isEqualTo("Title of " + STEALTH);
        });
    }

    @Test
    void olderReportLeavesTheLatestAndTheVersionAlone() {
        Report latest = report("a", T0, PASS, PASS);
        view.apply(latest);
        long version = view.version();

        ApplyResult r = view.apply(report("a", T0.minusSeconds(60), FAIL, FAIL));

        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.OLDER);
        assertThat(r.diff()).isEmpty();
        assertThat(r.host().reportId()).isEqualTo(latest.reportId());
        assertThat(view.version()).isEqualTo(version);
        assertThat(view.host("a")).get().extracting(HostDetail::controls).isEqualTo(Map.of(DISK, PASS, FIREWALL, PASS));
    }

    @Test
    void sameReportAgainIsADuplicate() {
        Report latest = report("a", T0, PASS, FAIL);
        view.apply(latest);
        long version = view.version();

        ApplyResult r = view.apply(latest);

        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.DUPLICATE);
        assertThat(r.outcome().changed()).isFalse();
        assertThat(view.version()).isEqualTo(version);
        assertThat(view.summary(SummaryQuery.DEFAULT).topFailing()).containsExactly(new ControlFailures(FIREWALL, 1));
    }

    @Test
    void tieOnFinishedAtGoesToTheGreaterReportIdWhateverTheOrder() {
        Report low = Report.of(new UUID(0, 1), new Host("a", "a", DEBIAN, "x86_64"), new AgentInfo("t"), T0, T0, true,
                List.of(finding(DISK, PASS, Severity.CRITICAL)));
        Report high = Report.of(new UUID(0, 2), new Host("a", "a", DEBIAN, "x86_64"), new AgentInfo("t"), T0, T0, true,
                List.of(finding(DISK, FAIL, Severity.CRITICAL)));
        FleetView other = new FleetView(clock);

        view.apply(low);
        view.apply(high);
        other.apply(high);
        assertThat(other.apply(low).outcome()).isEqualTo(ApplyResult.Outcome.OLDER);

        assertThat(view.host("a").orElseThrow().summary().reportId()).isEqualTo(high.reportId());
        assertThat(other.host("a").orElseThrow().summary().reportId()).isEqualTo(high.reportId());
    }

    @Test
    void hostDetailHasIdentityOsLastSeenScoreCountsAndStatusPerControl() {
        Report r = report("a", "web-01", DEBIAN, T0, finding(DISK, PASS, Severity.CRITICAL),
                finding(FIREWALL, WARN, Severity.HIGH), finding(STEALTH, NOT_APPLICABLE, Severity.LOW));
        view.apply(r);

        HostDetail d = view.host("a").orElseThrow();

        assertThat(d.summary()).isEqualTo(new HostSummary("a", "web-01", DEBIAN, T0, r.reportId(), r.summary().score(),
                HostStatus.WARNING, new StatusCounts(1, 0, 1, 0, 1)));
        assertThat(d.controls()).containsExactly(Map.entry(DISK, PASS), Map.entry(FIREWALL, WARN),
                Map.entry(STEALTH, NOT_APPLICABLE));
        assertThat(view.host("nope")).isEmpty();
    }

    @Test
    void overallStatusFailsOnlyOnHighOrCriticalFailures() {
        view.apply(report("crit", "c", DEBIAN, T0, finding(DISK, FAIL, Severity.CRITICAL)));
        view.apply(report("high", "h", DEBIAN, T0, finding(FIREWALL, FAIL, Severity.HIGH)));
        view.apply(report("low", "l", DEBIAN, T0, finding(STEALTH, FAIL, Severity.LOW), finding(DISK, PASS, Severity.CRITICAL)));
        view.apply(report("warn", "w", DEBIAN, T0, finding(DISK, WARN, Severity.CRITICAL)));
        view.apply(report("unknown", "u", DEBIAN, T0, finding(DISK, UNKNOWN, Severity.CRITICAL), finding(FIREWALL, PASS, Severity.HIGH)));

        assertThat(view.summary(SummaryQuery.DEFAULT).byStatus())
                .containsExactlyInAnyOrderEntriesOf(Map.of(HostStatus.FAILING, 2, HostStatus.WARNING, 2, HostStatus.PASSING, 1));
        assertThat(view.host("unknown").orElseThrow().summary().status()).isEqualTo(HostStatus.PASSING);
    }

    @Test
    void summaryBucketsScoresAndRanksFailingControls() {
        view.apply(report("a", T0, FAIL, FAIL));   // score 0
        view.apply(report("b", T0, PASS, FAIL));   // 10 of 15: 67
        view.apply(report("c", T0, PASS, WARN));   // 12.5 of 15: 83
        view.apply(report("d", T0, PASS, PASS));   // 100
        view.apply(report("e", T0, WARN, PASS));   // 10 of 15: 67

        FleetSummary s = view.summary(new SummaryQuery(1, Duration.ofDays(1), 10));

        assertThat(s.hosts()).isEqualTo(5);
        assertThat(s.scores()).containsExactlyInAnyOrderEntriesOf(
                Map.of(ScoreBand.LOW, 1, ScoreBand.MEDIUM, 2, ScoreBand.GOOD, 1, ScoreBand.EXCELLENT, 1));
        assertThat(s.topFailing()).containsExactly(new ControlFailures(FIREWALL, 2));
        assertThat(view.summary(SummaryQuery.DEFAULT).topFailing())
                .containsExactly(new ControlFailures(FIREWALL, 2), new ControlFailures(DISK, 1));
        assertThat(s.version()).isEqualTo(view.version());
    }

    @Test
    void staleHostsFollowTheInjectedClock() {
        view.apply(report("old", T0.minus(Duration.ofDays(10)), PASS, PASS));
        view.apply(report("older", T0.minus(Duration.ofDays(20)), PASS, PASS));
        view.apply(report("fresh", T0, PASS, PASS));
        SummaryQuery week = new SummaryQuery(5, Duration.ofDays(7), 1);

        FleetSummary now = view.summary(week);
        assertThat(now.staleHosts()).isEqualTo(2);
        assertThat(now.stalest()).extracting(HostSummary::hostId).containsExactly("older");
        assertThat(BruteForce.allPages(view, HostQuery.all().withStale(Duration.ofDays(7)))).containsExactly("old", "older");

        clock.advance(Duration.ofDays(8));
        assertThat(view.summary(week).staleHosts()).isEqualTo(3);
        assertThat(BruteForce.allPages(view, HostQuery.all().withStale(Duration.ofDays(7)))).hasSize(3);

        view.apply(report("older", clock.instant(), PASS, PASS));
        assertThat(view.summary(week).staleHosts()).isEqualTo(2);
    }

    @Test
    void filtersByOsStatusFailingHostnameAndStaleness() {
        view.apply(report("1", "web-01.prod", DEBIAN, T0, finding(DISK, FAIL, Severity.CRITICAL), finding(FIREWALL, PASS, Severity.HIGH)));
        view.apply(report("2", "WEB-02.prod", DEBIAN, T0.minus(Duration.ofDays(9)), finding(DISK, PASS, Severity.CRITICAL)));
        view.apply(report("3", "LAPTOP-7QX2K1", WIN11, T0, finding(DISK, PASS, Severity.CRITICAL), finding(FIREWALL, FAIL, Severity.HIGH)));
        view.apply(report("4", "jdoe-mbp", SONOMA, T0, finding(STEALTH, FAIL, Severity.LOW)));
        HostQuery all = HostQuery.all();

        assertThat(BruteForce.allPages(view, all.withOs(OsFamily.LINUX))).containsExactly("1", "2");
        assertThat(BruteForce.allPages(view, all.withOs(OsFamily.MACOS))).containsExactly("4");
        assertThat(BruteForce.allPages(view, all.withStatus(HostStatus.FAILING))).containsExactly("3", "1");
        assertThat(BruteForce.allPages(view, all.withStatus(HostStatus.WARNING))).containsExactly("4");
        assertThat(BruteForce.allPages(view, all.withStatus(HostStatus.PASSING))).containsExactly("2");
        assertThat(BruteForce.allPages(view, all.withFailing(FIREWALL))).containsExactly("3");
        assertThat(BruteForce.allPages(view, all.withFailing("no.such-control"))).isEmpty();
        assertThat(BruteForce.allPages(view, all.withQ("Web-0"))).containsExactly("1", "2");
        assertThat(BruteForce.allPages(view, all.withQ("qx2"))).containsExactly("3");
        assertThat(BruteForce.allPages(view, all.withStale(Duration.ofDays(7)))).containsExactly("2");
        assertThat(BruteForce.allPages(view, all.withOs(OsFamily.LINUX).withFailing(DISK).withQ("web"))).containsExactly("1");
        assertThat(BruteForce.allPages(view, all.withOs(OsFamily.WINDOWS).withFailing(DISK))).isEmpty();
        assertThat(BruteForce.allPages(view, all)).containsExactly("4", "3", "1", "2");
    }

    @Test
    void pagesThroughAllHostsWithASmallLimit() {
        for (int i = 0; i < 23; i++) {
            view.apply(report("id-" + i, T0, i % 3 == 0 ? FAIL : PASS, PASS));
        }

        HostPage first = view.hosts(HostQuery.all().withLimit(5));
        List<String> all = BruteForce.allPages(view, HostQuery.all().withLimit(5));

        assertThat(first.hosts()).hasSize(5);
        assertThat(first.next()).isPresent();
        assertThat(all).hasSize(23).doesNotHaveDuplicates();
        assertThat(BruteForce.allPages(view, HostQuery.all().withLimit(3).withFailing(DISK))).hasSize(8).doesNotHaveDuplicates();
    }

    @Test
    void cursorStaysValidWhenItsHostIsUpdatedRenamedOrGone() {
        for (String id : List.of("a", "b", "c", "d")) {
            view.apply(report(id, T0, PASS, PASS));
        }
        HostPage first = view.hosts(HostQuery.all().withLimit(2));
        assertThat(first.hosts()).extracting(HostSummary::hostId).containsExactly("a", "b");

        view.apply(report("b", "zz-renamed", DEBIAN, T0.plusSeconds(5), finding(DISK, PASS, Severity.CRITICAL)));
        HostPage second = view.hosts(HostQuery.all().withLimit(2).withCursor(first.next()));

        assertThat(second.hosts()).extracting(HostSummary::hostId).containsExactly("c", "d");
        assertThat(BruteForce.allPages(view, HostQuery.all())).containsExactly("a", "c", "d", "b");
    }

    @Test
    void renamedHostMovesInTheListingAndTheFailingSets() {
        view.apply(report("a", "alpha", DEBIAN, T0, finding(DISK, FAIL, Severity.CRITICAL)));
        view.apply(report("a", "omega", DEBIAN, T0.plusSeconds(1), finding(DISK, FAIL, Severity.CRITICAL)));

        assertThat(view.hosts(HostQuery.all()).hosts()).extracting(HostSummary::hostname).containsExactly("omega");
        assertThat(view.control(DISK, 10, Optional.empty()).failing().hosts()).extracting(HostSummary::hostname)
                .containsExactly("omega");
        assertThat(view.summary(SummaryQuery.DEFAULT).hosts()).isEqualTo(1);
    }

    @Test
    void rejectsACursorItDidNotIssue() {
        assertThatThrownBy(() -> view.hosts(HostQuery.all().withCursor(Optional.of("not a cursor!"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a cursor this server issued");
        assertThatThrownBy(() -> view.hosts(HostQuery.all().withCursor(Optional.of("AAAA"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HostQuery.all().withLimit(0)).hasMessageContaining("limit 0");
    }

    @Test
    void controlsListTheCatalogWithFleetCounts() {
        view.apply(report("a", T0, PASS, FAIL));
        view.apply(report("b", T0, UNKNOWN, FAIL));
        Catalog catalog = Catalog.bundled();

        List<ControlCounts> controls = view.controls(catalog);

        assertThat(controls).extracting(c -> c.control().id())
                .containsExactlyElementsOf(catalog.entries().stream().map(e -> e.id()).toList());
        assertThat(controls).filteredOn(c -> c.control().id().equals(DISK)).extracting(ControlCounts::hosts)
                .containsExactly(new StatusCounts(1, 0, 0, 1, 0));
        assertThat(controls).filteredOn(c -> c.control().id().equals(STEALTH)).extracting(ControlCounts::hosts)
                .containsExactly(new StatusCounts(0, 0, 0, 0, 0));

        ControlDetail fw = view.control(FIREWALL, 1, Optional.empty());
        assertThat(fw.hosts()).isEqualTo(new StatusCounts(0, 2, 0, 0, 0));
        assertThat(fw.failing().hosts()).extracting(HostSummary::hostId).containsExactly("a");
        assertThat(view.control(FIREWALL, 1, fw.failing().next()).failing().hosts())
                .extracting(HostSummary::hostId).containsExactly("b");
        assertThat(view.control("no.such-control", 10, Optional.empty()).hosts().total()).isZero();
    }

    @Test
    void rebuildGivesTheSameViewAsApplyingInAnyOrder() {
        List<Report> reports = List.of(report("a", T0, PASS, PASS), report("a", T0.plusSeconds(9), FAIL, PASS),
                report("b", T0, WARN, FAIL), report("a", T0.plusSeconds(3), PASS, FAIL));
        view.apply(report("stale", T0, PASS, PASS));
        long before = view.version();

        int hosts = view.rebuild(Stream.of(reports.get(3), reports.get(1), reports.get(0), reports.get(2)));

        assertThat(hosts).isEqualTo(2);
        assertThat(view.version()).isEqualTo(before + 1);
        assertThat(view.host("stale")).isEmpty();
        BruteForce oracle = new BruteForce();
        reports.forEach(oracle::apply);
        oracle.assertMatches(view, Catalog.bundled(), clock.instant());
    }
}
