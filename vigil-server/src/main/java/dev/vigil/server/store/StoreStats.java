package dev.vigil.server.store;

/**
 * Counters of the store's writer since it opened.
 *
 * @param commits     transactions committed by the writer
 * @param writes      write operations committed (several per commit under load)
 * @param commitNanos total time spent running and committing batches
 */
public record StoreStats(long commits, long writes, long commitNanos) {
}
