package dev.vigil.server.metrics;

/** A source of metric families, asked for its current values on every scrape. */
@FunctionalInterface
public interface Collector {

    /** Writes this collector's families, each with its HELP and TYPE lines, to {@code out}. */
    void collect(Exposition out);
}
