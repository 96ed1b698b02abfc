package dev.vigil.server.fleet;

import dev.vigil.core.report.Status;

/** How many (hosts or findings) have each status. */
public record StatusCounts(int pass, int fail, int warn, int unknown, int notApplicable) {

    public StatusCounts {
        if (pass < 0 || fail < 0 || warn < 0 || unknown < 0 || notApplicable < 0) {
            throw new IllegalArgumentException("negative count: " + pass + "/" + fail + "/" + warn + "/" + unknown + "/" + notApplicable);
        }
    }

    /** Counts indexed by {@link Status#ordinal()}. */
    static StatusCounts of(int[] byOrdinal) {
        return new StatusCounts(byOrdinal[Status.PASS.ordinal()], byOrdinal[Status.FAIL.ordinal()],
                byOrdinal[Status.WARN.ordinal()], byOrdinal[Status.UNKNOWN.ordinal()],
                byOrdinal[Status.NOT_APPLICABLE.ordinal()]);
    }

    /** The count for one status. */
    public int get(Status status) {
        return switch (status) {
            case PASS -> pass;
            case FAIL -> fail;
            case WARN -> warn;
            case UNKNOWN -> unknown;
            case NOT_APPLICABLE -> notApplicable;
        };
    }

    /** The sum over all statuses. */
    public int total() {
        return pass + fail + warn + unknown + notApplicable;
    }
}
