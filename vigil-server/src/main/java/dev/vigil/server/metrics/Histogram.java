package dev.vigil.server.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * A histogram with fixed buckets: {@link #observe} adds to one bucket and to the sum, without locks or allocation.
 * Buckets are kept apart and made cumulative when written, so the {@code +Inf} bucket and {@code _count} are the
 * same number by construction; {@code _sum} is read separately and may include an observation the buckets of the
 * same scrape miss.
 */
public final class Histogram {

    private final Buckets buckets;
    private final LongAdder[] counts;
    private final LongAdder sum = new LongAdder();
    private final Labels[] bucketLabels;
    private final Labels labels;

    /** A histogram of one series, with these labels on every sample. */
    public Histogram(Buckets buckets, Labels labels) {
        this.buckets = buckets;
        this.labels = labels;
        this.counts = new LongAdder[buckets.size()];
        this.bucketLabels = new Labels[buckets.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
            bucketLabels[i] = labels.and("le", buckets.label(i));
        }
    }

    /** Records one observation, in the unit of the buckets (nanoseconds for durations). */
    public void observe(long value) {
        counts[buckets.indexOf(value)].increment();
        sum.add(value);
    }

    /** Observations so far. */
    public long count() {
        long n = 0;
        for (LongAdder c : counts) {
            n += c.sum();
        }
        return n;
    }

    /** Writes the samples of this series (the family's HELP and TYPE lines are the caller's). */
    public void writeTo(Exposition out, String name) {
        long cumulative = 0;
        for (int i = 0; i < counts.length; i++) {
            cumulative += counts[i].sum();
            out.sample(name + "_bucket", bucketLabels[i], cumulative);
        }
        double total = sum.sum() * buckets.unit();
        out.sample(name + "_sum", labels, total);
        out.sample(name + "_count", labels, cumulative);
    }
}
