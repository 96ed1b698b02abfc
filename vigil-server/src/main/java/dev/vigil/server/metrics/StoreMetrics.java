package dev.vigil.server.metrics;

import dev.vigil.server.store.CommitListener;

import java.util.concurrent.atomic.LongAdder;

/** The store writer's batches: how long each took to run and commit, how many writes it held, and failures. */
public final class StoreMetrics implements CommitListener, Collector {

    private static final String COMMIT_SECONDS = "vigil_store_commit_duration_seconds";
    private static final String BATCH_WRITES = "vigil_store_commit_batch_writes";
    private static final String FAILURES = "vigil_store_commit_failures_total";

    private final Histogram commitTime = new Histogram(
            Buckets.seconds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5), Labels.NONE);
    private final Histogram batchWrites = new Histogram(Buckets.counts(1, 2, 4, 8, 16, 32, 64, 128, 256, 512),
            Labels.NONE);
    private final LongAdder failures = new LongAdder();

    @Override
    public void committed(int writes, long nanos) {
        commitTime.observe(nanos);
        batchWrites.observe(writes);
    }

    @Override
    public void failed(int writes, long nanos) {
        failures.increment();
    }

    @Override
    public void collect(Exposition out) {
        out.family(COMMIT_SECONDS, Exposition.Type.HISTOGRAM,
                "Time to run and commit one batch of writes (group commit), in seconds.");
        commitTime.writeTo(out, COMMIT_SECONDS);
        out.family(BATCH_WRITES, Exposition.Type.HISTOGRAM, "Writes committed together in one transaction.");
        batchWrites.writeTo(out, BATCH_WRITES);
        out.family(FAILURES, Exposition.Type.COUNTER, "Batches that failed and were rolled back.");
        out.sample(FAILURES, Labels.NONE, failures.sum());
    }
}
