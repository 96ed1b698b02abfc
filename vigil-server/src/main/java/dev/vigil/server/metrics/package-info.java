/**
 * The kernel's metrics in the Prometheus text exposition format (version 0.0.4), served on {@code GET /metrics}.
 *
 * <p>A small hand-written registry rather than a client library: counters are {@link java.util.concurrent.atomic.LongAdder}s,
 * histograms have fixed buckets of {@code LongAdder}s, and gauges are read from their source when scraped. Recording
 * takes no lock and allocates nothing; series with labels are laid out in arrays when the kernel starts (route
 * templates, methods, status classes, outcomes), so label cardinality is bounded by construction. Scraping walks
 * the {@link dev.vigil.server.metrics.Collector}s of a {@link dev.vigil.server.metrics.MetricsRegistry}.
 *
 * <p>The store and the fleet do not know about metrics: the store tells a
 * {@link dev.vigil.server.store.CommitListener} about each batch, and the fleet is read at scrape time.
 */
package dev.vigil.server.metrics;
