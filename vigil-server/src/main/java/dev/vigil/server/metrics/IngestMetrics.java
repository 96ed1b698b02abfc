package dev.vigil.server.metrics;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/** Reports that reached the ingest endpoint, by what became of them. */
public final class IngestMetrics implements Collector {

    private static final String NAME = "vigil_ingest_reports_total";

    /** What became of a submitted report. */
    public enum Outcome {
        /** Stored for the first time (201). */
        STORED,
        /** A retry of a stored report id: nothing stored (200). */
        DUPLICATE,
        /** Refused as invalid: unparseable, against the rules, or over the size limit (4xx). */
        REJECTED,
        /** Valid, but the server failed to store it (5xx). */
        FAILED
    }

    private final LongAdder[] counts = new LongAdder[Outcome.values().length];
    private final Labels[] labels = new Labels[counts.length];

    public IngestMetrics() {
        for (Outcome o : Outcome.values()) {
            counts[o.ordinal()] = new LongAdder();
            labels[o.ordinal()] = Labels.of("outcome", o.name().toLowerCase(Locale.ROOT));
        }
    }

    /** Counts one report. */
    public void record(Outcome outcome) {
        counts[outcome.ordinal()].increment();
    }

    @Override
    public void collect(Exposition out) {
        out.family(NAME, Exposition.Type.COUNTER, "Reports submitted to POST /api/v1/reports, by outcome.");
        for (int i = 0; i < counts.length; i++) {
            out.sample(NAME, labels[i], counts[i].sum());
        }
    }
}
