/**
 * The kernel's store of reports, catalog and API tokens, behind {@link dev.vigil.server.store.ReportStore}.
 *
 * <p>{@link dev.vigil.server.store.SqliteReportStore} is the embedded default: one SQLite file in a data folder,
 * WAL mode with full synchronous commits, a single writer thread that batches concurrent writes into one
 * transaction (group commit), and self-healing on open. A PostgreSQL implementation with the same schema follows.
 */
package dev.vigil.server.store;
