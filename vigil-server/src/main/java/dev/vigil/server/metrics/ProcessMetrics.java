package dev.vigil.server.metrics;

import java.util.Optional;

/** How long the kernel has run, and when its process started. */
public final class ProcessMetrics implements Collector {

    private static final String UPTIME = "vigil_uptime_seconds";
    private static final String START = "process_start_time_seconds";

    private final long startNanos = System.nanoTime();
    private final Optional<Double> processStart = ProcessHandle.current().info().startInstant()
            .map(i -> i.getEpochSecond() + i.getNano() / 1e9);

    @Override
    public void collect(Exposition out) {
        out.family(UPTIME, Exposition.Type.GAUGE, "Seconds since the kernel started.");
        out.sample(UPTIME, Labels.NONE, (System.nanoTime() - startNanos) / 1e9);
        if (processStart.isPresent()) {
            out.family(START, Exposition.Type.GAUGE, "Start time of the process since the Unix epoch, in seconds.");
            out.sample(START, Labels.NONE, processStart.get());
        }
    }
}
