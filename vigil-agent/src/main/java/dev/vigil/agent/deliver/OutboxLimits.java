package dev.vigil.agent.deliver;

/**
 * How much the outbox holds before it drops its oldest reports.
 *
 * @param maxReports the most reports waiting (default {@value #DEFAULT_MAX_REPORTS})
 * @param maxBytes   the most bytes of reports waiting (default 50 MiB)
 */
public record OutboxLimits(int maxReports, long maxBytes) {

    public static final int DEFAULT_MAX_REPORTS = 100;
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    public OutboxLimits {
        if (maxReports < 1) {
            throw new IllegalArgumentException("the outbox must hold at least 1 report, got " + maxReports);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the outbox size limit must be positive, got " + maxBytes);
        }
    }

    public static OutboxLimits defaults() {
        return new OutboxLimits(DEFAULT_MAX_REPORTS, DEFAULT_MAX_BYTES);
    }
}
