package dev.vigil.server.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Severity;
import dev.vigil.core.report.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The test oracle: the latest report of each host, kept the naive way, and every fleet answer
 * recomputed from those reports by brute force, independently of the view's indexes and counters.
 */
final class BruteForce {

    static final Comparator<Report> LISTING = Comparator
            .comparing((Report r) -> r.host().hostname().toLowerCase(Locale.ROOT))
            .thenComparing(r -> r.host().hostname())
            .thenComparing(r -> r.host().id());

    private final Map<String, Report> latest = new HashMap<>();

    /** Applies by the view's rule (later finished_at, then greater report id as text); returns the replaced report when replaced. */
    synchronized Optional<Report> apply(Report r) {
        Report old = latest.get(r.host().id());
        boolean newer = old == null || r.finishedAt().isAfter(old.finishedAt())
                || r.finishedAt().equals(old.finishedAt()) && r.reportId().toString().compareTo(old.reportId().toString()) > 0;
        if (newer) {
            latest.put(r.host().id(), r);
        }
        return newer ? Optional.ofNullable(old) : Optional.empty();
    }

    synchronized Collection<Report> latest() {
        return List.copyOf(latest.values());
    }

    static Map<String, Status> statuses(Report r) {
        Map<String, Status> m = new LinkedHashMap<>();
        for (Finding f : r.findings()) {
            m.put(f.control(), f.status());
        }
        return m;
    }

    static HostStatus overall(Report r) {
        boolean warning = false;
        for (Finding f : r.findings()) {
            if (f.status() == Status.FAIL && f.severity().atLeast(Severity.HIGH)) {
                return HostStatus.FAILING;
            }
            warning |= f.status() == Status.FAIL || f.status() == Status.WARN;
        }
        return warning ? HostStatus.WARNING : HostStatus.PASSING;
    }

    /** Host ids matching the query's filters, in listing order (all pages). */
    List<String> hostIds(HostQuery q, Instant now) {
        Predicate<Report> p = r -> true;
        if (q.os().isPresent()) {
            p = p.and(r -> r.host().os().family() == q.os().get());
        }
        if (q.status().isPresent()) {
            p = p.and(r -> overall(r) == q.status().get());
        }
        if (q.failing().isPresent()) {
            p = p.and(r -> statuses(r).get(q.failing().get()) == Status.FAIL);
        }
        if (q.q().isPresent()) {
            p = p.and(r -> r.host().hostname().toLowerCase(Locale.ROOT).contains(q.q().get().toLowerCase(Locale.ROOT)));
        }
        if (q.stale().isPresent()) {
            p = p.and(r -> r.finishedAt().isBefore(now.minus(q.stale().get())));
        }
        return latest().stream().filter(p).sorted(LISTING).map(r -> r.host().id()).toList();
    }

    /** Every page of the query, concatenated. */
    static List<String> allPages(FleetView view, HostQuery q) {
        List<String> ids = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            HostPage page = view.hosts(q.withCursor(cursor));
            assertThat(page.hosts().size()).isLessThanOrEqualTo(q.limit());
            page.hosts().forEach(h -> ids.add(h.hostId()));
            cursor = page.next();
        } while (cursor.isPresent());
        return ids;
    }

    /** Asserts that every answer of the view agrees with a recomputation from the latest reports. */
    void assertMatches(FleetView view, Catalog catalog, Instant now) {
        Collection<Report> reports = latest();
        FleetSummary s = view.summary(new SummaryQuery(1000, java.time.Duration.ofDays(3), 100_000));
        assertThat(s.hosts()).isEqualTo(reports.size());

        Map<HostStatus, Integer> byStatus = new EnumMap<>(HostStatus.class);
        Map<ScoreBand, Integer> bands = new EnumMap<>(ScoreBand.class);
        for (HostStatus hs : HostStatus.values()) {
            byStatus.put(hs, 0);
        }
        for (ScoreBand b : ScoreBand.values()) {
            bands.put(b, 0);
        }
        Map<String, int[]> perControl = new HashMap<>();
        for (Report r : reports) {
            byStatus.merge(overall(r), 1, Integer::sum);
            bands.merge(ScoreBand.of(r.summary().score()), 1, Integer::sum);
            statuses(r).forEach((c, st) -> perControl.computeIfAbsent(c, k -> new int[5])[st.ordinal()]++);
        }
        assertThat(s.byStatus()).isEqualTo(byStatus);
        assertThat(s.scores()).isEqualTo(bands);

        List<ControlFailures> top = perControl.entrySet().stream()
                .filter(e -> e.getValue()[Status.FAIL.ordinal()] > 0)
                .map(e -> new ControlFailures(e.getKey(), e.getValue()[Status.FAIL.ordinal()]))
                .sorted(Comparator.comparingInt(ControlFailures::failingHosts).reversed().thenComparing(ControlFailures::control))
                .toList();
        assertThat(s.topFailing()).isEqualTo(top);

        Instant cutoff = now.minus(java.time.Duration.ofDays(3));
        List<String> stale = reports.stream().filter(r -> r.finishedAt().isBefore(cutoff))
                .sorted(Comparator.comparing(Report::finishedAt).thenComparing(r -> r.host().id()))
                .map(r -> r.host().id()).toList();
        assertThat(s.staleHosts()).isEqualTo(stale.size());
        assertThat(s.stalest()).extracting(HostSummary::hostId).isEqualTo(stale);

        for (ControlCounts cc : view.controls(catalog)) {
            int[] n = perControl.getOrDefault(cc.control().id(), new int[5]);
            assertThat(cc.hosts()).as(cc.control().id()).isEqualTo(StatusCounts.of(n));
            ControlDetail d = view.control(cc.control().id(), 1000, Optional.empty());
            assertThat(d.failing().hosts()).extracting(HostSummary::hostId)
                    .isEqualTo(hostIds(HostQuery.all().withFailing(cc.control().id()), now));
        }

        assertThat(allPages(view, HostQuery.all().withLimit(17))).isEqualTo(hostIds(HostQuery.all(), now));

        for (Report r : reports) {
            HostDetail d = view.host(r.host().id()).orElseThrow();
            assertThat(d.controls()).isEqualTo(statuses(r));
            HostSummary h = d.summary();
            assertThat(h.hostname()).isEqualTo(r.host().hostname());
            assertThat(h.os()).isEqualTo(r.host().os());
            assertThat(h.lastSeen()).isEqualTo(r.finishedAt());
            assertThat(h.reportId()).isEqualTo(r.reportId());
            assertThat(h.score()).isEqualTo(r.summary().score());
            assertThat(h.status()).isEqualTo(overall(r));
            int[] n = new int[5];
            statuses(r).values().forEach(st -> n[st.ordinal()]++);
            assertThat(h.counts()).isEqualTo(StatusCounts.of(n));
        }
    }
}
