package dev.vigil.server.metrics;

import java.time.Instant;

/** How long the kernel has run, and when its process started. */
public final class ProcessMetrics implements Collector {

    private static final String UPTIME = "vigil_uptime_seconds";
    private static final String START = "process_start_time_seconds";

    private final long startNanos = System.nanoTime();
    private final double processStart;

    /** Metrics of a process that started at {@code processStart}. */
    public ProcessMetrics(Instant processStart) {
        this.processStart = processStart.getEpochSecond() + processStart.getNano() / 1e9;
    }

    @Override
    public void collect(Exposition out) {
        out.family(UPTIME, Exposition.Type.GAUGE, "Seconds since the kernel started.");
        out.sample(UPTIME, Labels.NONE, (System.nanoTime() - startNanos) / 1e9);
        out.family(START, Exposition.Type.GAUGE, "Start time of the process since the Unix epoch, in seconds.");
        out.sample(START, Labels.NONE, processStart);
    }
}
