package dev.vigil.server.fleet;

import dev.vigil.core.diff.ReportDiff;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@link FleetView#apply} changed.
 *
 * @param outcome what happened to the report
 * @param host    the host's summary after the apply (its latest report, which may not be the one applied)
 * @param diff    against the host's previous latest report, present only for {@link Outcome#UPDATED};
 *                its {@code regressions()} are what got worse
 * @param version the view's version after the apply
 */
public record ApplyResult(Outcome outcome, HostSummary host, Optional<ReportDiff> diff, long version) {

    /** What happened to an applied report. */
    public enum Outcome {
        /** The first report of this host. */
        NEW_HOST,
        /** Newer than the host's latest: it is the latest now. */
        UPDATED,
        /** Older than the host's latest (by finished_at, ties by report id): the view did not change. */
        OLDER,
        /** The host's latest report itself (a retry): the view did not change. */
        DUPLICATE;

        /** Whether the view changed. */
        public boolean changed() {
            return this == NEW_HOST || this == UPDATED;
        }
    }

    public ApplyResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(diff, "diff");
        if (diff.isPresent() != (outcome == Outcome.UPDATED)) {
            throw new IllegalArgumentException("a diff goes with UPDATED only, not " + outcome);
        }
    }
}
