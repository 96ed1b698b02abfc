/**
 * The report contract: the records that the agent writes and the kernel reads, as {@code vigil.report/1}.
 * Serialize them with {@link dev.vigil.core.json.ReportCodec}; the published JSON Schema is
 * {@code docs/report.schema.json}.
 */
package dev.vigil.core.report;
