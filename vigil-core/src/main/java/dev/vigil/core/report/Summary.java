package dev.vigil.core.report;

import java.util.Collection;

/**
 * Counts by status and the score.
 *
 * <p>The score is the severity-weighted share of decided controls that pass: PASS counts fully,
 * WARN half, FAIL nothing; UNKNOWN and NOT_APPLICABLE are left out because they say nothing about
 * the host. Weights: critical 10, high 5, medium 3, low 1, info 0. A report with nothing decided
 * scores 0, so that an audit that could check nothing never looks perfect.
 */
public record Summary(int pass, int fail, int warn, int unknown, int notApplicable, int score) {

    public Summary {
        if (pass < 0 || fail < 0 || warn < 0 || unknown < 0 || notApplicable < 0) {
            throw new IllegalArgumentException("negative count in summary");
        }
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score " + score + " outside 0..100");
        }
    }

    /** Counts and scores the given findings. */
    public static Summary of(Collection<Finding> findings) {
        int pass = 0, fail = 0, warn = 0, unknown = 0, na = 0;
        double earned = 0, possible = 0;
        for (Finding f : findings) {
            int weight = weight(f.severity());
            switch (f.status()) {
                case PASS -> { pass++; earned += weight; possible += weight; }
                case WARN -> { warn++; earned += weight / 2.0; possible += weight; }
                case FAIL -> { fail++; possible += weight; }
                case UNKNOWN -> unknown++;
                case NOT_APPLICABLE -> na++;
            }
        }
        int score;
        if (possible > 0) {
            score = (int) Math.round(100.0 * earned / possible);
        } else {
            score = pass + warn > 0 ? 100 : 0;
        }
        return new Summary(pass, fail, warn, unknown, na, score);
    }

    static int weight(Severity severity) {
        return switch (severity) {
            case CRITICAL -> 10;
            case HIGH -> 5;
            case MEDIUM -> 3;
            case LOW -> 1;
            case INFO -> 0;
        };
    }
}
