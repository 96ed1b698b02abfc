package dev.vigil.server.fleet;

import static dev.vigil.core.testing.Reports.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.diff.ControlChange;
import dev.vigil.core.diff.ReportDiff;
import dev.vigil.core.report.Host;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.Report;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many random applies (new, newer, older, duplicate, tied and renamed reports) against a brute-force
 * recomputation over the latest reports. Seeded, so a failure replays exactly.
 */
class FleetViewPropertyTest {

    private static final Catalog CATALOG = Catalog.bundled();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 42, 20261125})
    void countersAndAnswersMatchABruteForceRecomputation(long seed) {
        Random random = new Random(seed);
        SyntheticFleet fleet = new SyntheticFleet(seed);
        TestClock clock = new TestClock(T0);
        FleetView view = new FleetView(clock);
        BruteForce oracle = new BruteForce();
        List<SyntheticFleet.Machine> machines = fleet.machines(80);
        List<Report> applied = new ArrayList<>();
        Map<String, Report> latest = new HashMap<>();
        Map<ApplyResult.Outcome, Integer> outcomes = new java.util.EnumMap<>(ApplyResult.Outcome.class);
        int regressions = 0;

        for (int step = 1; step <= 2000; step++) {
            SyntheticFleet.Machine m = machines.get(random.nextInt(machines.size()));
            Report r = switch (random.nextInt(10)) {
                case 0 -> applied.isEmpty() ? fleet.report(m, T0) : applied.get(random.nextInt(applied.size()));
                case 1 -> fleet.report(renamed(m.host(), random), m.hygiene(), fleet.before(T0, Duration.ofDays(10)));
                case 2 -> latest.containsKey(m.host().id())
                        ? fleet.report(m, latest.get(m.host().id()).finishedAt()) : fleet.report(m, T0);
                default -> fleet.report(m, fleet.before(T0, Duration.ofDays(10)));
            };
            Report before = latest.get(r.host().id());
            Optional<Report> replaced = oracle.apply(r);
            ApplyResult result = view.apply(r);
            assertOutcome(result, r, before, replaced);
            outcomes.merge(result.outcome(), 1, Integer::sum);
            regressions += result.diff().map(d -> d.regressions().size()).orElse(0);
            latest.put(r.host().id(), before == null || replaced.isPresent() ? r : before);
            applied.add(r);

            if (step % 250 == 0) {
                oracle.assertMatches(view, CATALOG, clock.instant());
                for (int i = 0; i < 20; i++) {
                    HostQuery q = randomQuery(random, latest);
                    assertThat(BruteForce.allPages(view, q)).as("%s", q).isEqualTo(oracle.hostIds(q, clock.instant()));
                }
                clock.advance(Duration.ofHours(random.nextInt(48)));
            }
        }
        // the generator must have exercised every path, or the comparison above proves little
        assertThat(outcomes).containsOnlyKeys(ApplyResult.Outcome.values());
        assertThat(regressions).isPositive();
    }

    private static void assertOutcome(ApplyResult result, Report r, Report before, Optional<Report> replaced) {
        if (before == null) {
            assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.NEW_HOST);
        } else if (replaced.isPresent()) {
            assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.UPDATED);
            ReportDiff expected = ReportDiff.between(replaced.get(), r);
            ReportDiff actual = result.diff().orElseThrow();
            assertThat(actual.fromReport()).isEqualTo(expected.fromReport());
            assertThat(actual.regressions()).isEqualTo(expected.regressions());
            assertThat(actual.fixes()).isEqualTo(expected.fixes());
            assertThat(actual.changed()).isEqualTo(expected.changed());
            assertThat(actual.added()).isEqualTo(expected.added());
            assertThat(actual.removed()).extracting(ControlChange::control, ControlChange::from)
                    .isEqualTo(expected.removed().stream().map(c -> org.assertj.core.groups.Tuple.tuple(c.control(), c.from())).toList());
        } else {
            assertThat(result.outcome()).isEqualTo(before.reportId().equals(r.reportId())
                    ? ApplyResult.Outcome.DUPLICATE : ApplyResult.Outcome.OLDER);
            assertThat(result.host().reportId()).isEqualTo(before.reportId());
        }
    }

    private static Host renamed(Host h, Random random) {
        return new Host(h.id(), "Renamed-" + random.nextInt(1000) + "." + h.hostname(), h.os(), h.arch());
    }

    private static HostQuery randomQuery(Random random, Map<String, Report> latest) {
        HostQuery q = HostQuery.all().withLimit(1 + random.nextInt(40));
        if (random.nextInt(3) == 0) {
            q = q.withOs(OsFamily.values()[random.nextInt(OsFamily.values().length)]);
        }
        if (random.nextInt(3) == 0) {
            q = q.withStatus(HostStatus.values()[random.nextInt(HostStatus.values().length)]);
        }
        if (random.nextInt(3) == 0) {
            List<CatalogEntry> entries = CATALOG.entries();
            q = q.withFailing(entries.get(random.nextInt(entries.size())).id());
        }
        if (random.nextInt(3) == 0) {
            List<Report> reports = List.copyOf(latest.values());
            String name = reports.get(random.nextInt(reports.size())).host().hostname();
            int from = random.nextInt(name.length());
            String part = name.substring(from, Math.min(name.length(), from + 1 + random.nextInt(5)));
            q = q.withQ(random.nextBoolean() ? part.toUpperCase(java.util.Locale.ROOT) : part);
        }
        if (random.nextInt(3) == 0) {
            q = q.withStale(Duration.ofHours(random.nextInt(24 * 12)));
        }
        return q;
    }
}
