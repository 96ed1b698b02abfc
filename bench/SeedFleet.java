import dev.vigil.server.fleet.SyntheticFleet;
import dev.vigil.server.store.SqliteReportStore;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills a kernel data folder with a synthetic fleet, straight through the store (no HTTP), for the start-up and
 * latency benchmarks: {@code java -cp <vigil-server test class path> bench/SeedFleet.java DIR HOSTS [REPORTS_PER_HOST]}.
 * Hosts and findings come from the fleet tests' seeded generator (OS mix, hostnames, per-host hygiene); each host's
 * reports finish within the last 10 days, so a few percent are stale at the default 7 days.
 */
public final class SeedFleet {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int hosts = Integer.parseInt(args[1]);
        int perHost = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        SyntheticFleet fleet = new SyntheticFleet(20261125L);
        Instant now = Instant.now();
        long t0 = System.nanoTime();
        try (SqliteReportStore store = SqliteReportStore.open(dir, InstantSource.system());
             var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> pending = new ArrayList<>();
            for (int i = 0; i < hosts; i++) {
                SyntheticFleet.Machine m = fleet.machine(i);
                for (int k = perHost - 1; k >= 0; k--) {
                    long ageMillis = (long) ((k + Math.random()) * Duration.ofDays(10).toMillis() / perHost);
                    var report = fleet.report(m, now.minusMillis(ageMillis));
                    pending.add(pool.submit(() -> store.ingest(report)));
                }
                if (pending.size() >= 4096) {
                    for (Future<?> f : pending) {
                        f.get();
                    }
                    pending.clear();
                }
            }
            for (Future<?> f : pending) {
                f.get();
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("seeded %d hosts x %d reports into %s in %.1f s (%.0f reports/s)%n",
                hosts, perHost, dir, secs, hosts * perHost / secs);
    }
}
