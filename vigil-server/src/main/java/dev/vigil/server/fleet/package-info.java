/**
 * The in-memory fleet view: the latest state of every host and per-control counters, fed with reports
 * and answering the kernel's fleet questions without touching the store.
 *
 * <p>{@link dev.vigil.server.fleet.FleetView} is the entry point; the other public types are the
 * records it takes and returns.
 */
package dev.vigil.server.fleet;
