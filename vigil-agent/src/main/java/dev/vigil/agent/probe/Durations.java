package dev.vigil.agent.probe;

import java.time.Duration;

/** Durations as people write them: "5 s", "250 ms". */
public final class Durations {
    private Durations() {
    }

    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 == 0) {
            return (ms / 1000) + " s";
        }
        if (ms >= 1000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return ms + " ms";
    }
}
