package dev.vigil.server.fleet;

/** The score distribution's buckets: 0-49, 50-79, 80-89 and 90-100. */
public enum ScoreBand {
    LOW(0, 49), MEDIUM(50, 79), GOOD(80, 89), EXCELLENT(90, 100);

    private final int min;
    private final int max;

    ScoreBand(int min, int max) {
        this.min = min;
        this.max = max;
    }

    /** The band holding a score (0..100). */
    public static ScoreBand of(int score) {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score " + score + " outside 0..100");
        }
        return score >= 90 ? EXCELLENT : score >= 80 ? GOOD : score >= 50 ? MEDIUM : LOW;
    }

    /** The label, e.g. {@code 50-79}. */
    public String label() {
        return min + "-" + max;
    }

    /** The lowest score in the band. */
    public int min() {
        return min;
    }

    /** The highest score in the band. */
    public int max() {
        return max;
    }
}
