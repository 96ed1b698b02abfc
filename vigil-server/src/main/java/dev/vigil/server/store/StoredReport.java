package dev.vigil.server.store;

import dev.vigil.core.json.ReportCodec;
import dev.vigil.core.report.Report;
import java.util.Objects;

/**
 * A stored report: its metadata and the JSON exactly as it was ingested.
 *
 * @param entry the metadata
 * @param json  the report's JSON text
 */
public record StoredReport(ReportEntry entry, String json) {
    public StoredReport {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(json, "json");
    }

    /** The report, decoded from its JSON. */
    public Report report() {
        return ReportCodec.instance().read(json);
    }
}
