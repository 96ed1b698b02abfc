package dev.vigil.server.metrics;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** The collectors of one kernel, scraped in the order they were registered. */
public final class MetricsRegistry {

    private final List<Collector> collectors = new CopyOnWriteArrayList<>();

    /** Adds a collector; its families must not share a name with another collector's. */
    public <C extends Collector> C register(C collector) {
        collectors.add(Objects.requireNonNull(collector, "collector"));
        return collector;
    }

    /** Every family's current values, in the text exposition format ({@link Exposition#CONTENT_TYPE}). */
    public byte[] scrape() {
        Exposition out = new Exposition();
        for (Collector c : collectors) {
            c.collect(out);
        }
        return out.bytes();
    }
}
