package dev.vigil.server.fleet;

import static dev.vigil.core.testing.Reports.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.report.Report;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Writers and readers at once. No timing is asserted: the only waits are hang guards on the threads.
 * Reports are generated up front, on the test thread, since the generator is not thread-safe.
 */
class FleetViewConcurrencyTest {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final int WRITERS = 8;

    @Test
    void eightWritersWhileOthersQueryEndWithConsistentCounters() throws Exception {
        SyntheticFleet fleet = new SyntheticFleet(7);
        List<SyntheticFleet.Machine> machines = fleet.machines(300);
        Random random = new Random(7);
        List<List<Report>> batches = new ArrayList<>();
        BruteForce oracle = new BruteForce();
        for (int w = 0; w < WRITERS; w++) {
            List<Report> batch = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                Report r = fleet.report(machines.get(random.nextInt(machines.size())), fleet.before(T0, Duration.ofDays(10)));
                batch.add(r);
                oracle.apply(r);
            }
            batches.add(batch);
        }
        TestClock clock = new TestClock(T0);
        FleetView view = new FleetView(clock);
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (List<Report> batch : batches) {
                writers.add(pool.submit(guarded(errors, () -> {
                    await(start);
                    batch.forEach(view::apply);
                })));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                readers.add(pool.submit(guarded(errors, () -> {
                    Random r = new Random(seed);
                    await(start);
                    do {
                        query(view, machines, r);
                    } while (writing.get());
                })));
            }
            start.countDown();
            for (Future<?> f : writers) {
                f.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<?> f : readers) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(errors).isEmpty();
        oracle.assertMatches(view, CATALOG, clock.instant());
    }

    @Test
    void pagingWhileHostsUpdateNeitherSkipsNorRepeatsHosts() throws Exception {
        SyntheticFleet fleet = new SyntheticFleet(11);
        List<SyntheticFleet.Machine> initial = fleet.machines(400);
        TestClock clock = new TestClock(T0);
        FleetView view = new FleetView(clock);
        Set<String> initialIds = new HashSet<>();
        for (SyntheticFleet.Machine m : initial) {
            view.apply(fleet.report(m, T0.minus(Duration.ofDays(1))));
            initialIds.add(m.host().id());
        }
        // newer reports of the same machines (same hostnames), and machines joining the fleet
        List<List<Report>> batches = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            List<Report> batch = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                SyntheticFleet.Machine m = i % 5 == 0 ? fleet.machine(1000 + w * 300 + i) : initial.get((w * 300 + i) % initial.size());
                batch.add(fleet.report(m, T0.plusSeconds(w * 1000L + i)));
            }
            batches.add(batch);
        }
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<List<String>> done = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (List<Report> batch : batches) {
                writers.add(pool.submit(guarded(errors, () -> {
                    await(start);
                    batch.forEach(view::apply);
                })));
            }
            List<Future<?>> pagers = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                pagers.add(pool.submit(guarded(errors, () -> {
                    await(start);
                    int sweepsDone = 0;
                    do {
                        done.add(BruteForce.allPages(view, HostQuery.all().withLimit(7)));
                        sweepsDone++;
                    } while (writing.get() || sweepsDone < 3);
                })));
            }
            start.countDown();
            for (Future<?> f : writers) {
                f.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<?> f : pagers) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(errors).isEmpty();
        assertThat(done).isNotEmpty().allSatisfy(ids -> {
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(ids).containsAll(initialIds);
        });
        assertThat(BruteForce.allPages(view, HostQuery.all().withLimit(7)))
                .doesNotHaveDuplicates().hasSize(view.summary(SummaryQuery.DEFAULT).hosts());
    }

    private static void query(FleetView view, List<SyntheticFleet.Machine> machines, Random r) {
        long before = view.version();
        FleetSummary s = view.summary(SummaryQuery.DEFAULT);
        assertThat(s.version()).isGreaterThanOrEqualTo(before);
        assertThat(s.topFailing()).hasSizeLessThanOrEqualTo(10);
        HostQuery q = HostQuery.all().withLimit(1 + r.nextInt(50));
        if (r.nextBoolean()) {
            q = q.withStatus(HostStatus.values()[r.nextInt(3)]);
        }
        HostPage page = view.hosts(q);
        assertThat(page.hosts()).hasSizeLessThanOrEqualTo(q.limit());
        page = view.hosts(q.withCursor(page.next()));
        assertThat(page.hosts()).hasSizeLessThanOrEqualTo(q.limit());
        assertThat(view.controls(CATALOG)).hasSize(CATALOG.entries().size());
        CatalogEntry e = CATALOG.entries().get(r.nextInt(CATALOG.entries().size()));
        ControlDetail d = view.control(e.id(), 20, Optional.empty());
        assertThat(d.failing().hosts()).hasSizeLessThanOrEqualTo(20);
        String id = machines.get(r.nextInt(machines.size())).host().id();
        view.host(id).ifPresent(h -> assertThat(h.summary().hostId()).isEqualTo(id));
    }

    private static Runnable guarded(ConcurrentLinkedQueue<Throwable> errors, Runnable body) {
        return () -> {
            try {
                body.run();
            } catch (Throwable t) {
                errors.add(t);
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before start", e);
        }
    }
}
