package dev.vigil.server.metrics;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The upper bounds of a histogram's buckets, in the unit observations are recorded in (nanoseconds, counts), and
 * their {@code le} labels in the unit the exposition shows (seconds, counts). A bucket holds the observations at
 * most its bound and greater than the previous one; the last bucket, {@code +Inf}, holds the rest.
 */
public final class Buckets {

    private final long[] bounds;
    private final String[] labels;
    private final double unit;

    private Buckets(long[] bounds, String[] labels, double unit) {
        for (int i = 1; i < bounds.length; i++) {
            if (bounds[i] <= bounds[i - 1]) {
                throw new IllegalArgumentException("bucket bounds must increase: " + Arrays.toString(bounds));
            }
        }
        this.bounds = bounds;
        this.labels = labels;
        this.unit = unit;
    }

    /** Durations: bounds in seconds, observations in nanoseconds. */
    public static Buckets seconds(double... bounds) {
        long[] nanos = new long[bounds.length];
        String[] labels = new String[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            BigDecimal s = BigDecimal.valueOf(bounds[i]);
            nanos[i] = s.movePointRight(9).longValueExact();
            labels[i] = s.stripTrailingZeros().toPlainString();
        }
        return new Buckets(nanos, labels, 1e-9);
    }

    /** Whole numbers (sizes, counts), observed and shown as they are. */
    public static Buckets counts(long... bounds) {
        String[] labels = Arrays.stream(bounds).mapToObj(Long::toString).toArray(String[]::new);
        return new Buckets(bounds.clone(), labels, 1);
    }

    /** How many buckets, {@code +Inf} included. */
    int size() {
        return bounds.length + 1;
    }

    /** The bucket of one observation; a linear scan, as bucket lists are short and most values fall early. */
    int indexOf(long value) {
        int i = 0;
        while (i < bounds.length && value > bounds[i]) {
            i++;
        }
        return i;
    }

    /** The {@code le} label of bucket {@code i}. */
    String label(int i) {
        return i < labels.length ? labels[i] : "+Inf";
    }

    /** Exposition units per recorded unit (1e-9 for nanoseconds shown as seconds). */
    double unit() {
        return unit;
    }
}
