package dev.vigil.server.fleet;

import java.time.Duration;
import java.util.Objects;

/**
 * What the fleet summary should include.
 *
 * @param topControls how many of the controls failing on most hosts to list
 * @param staleAfter  a host is stale when not seen for longer than this
 * @param staleLimit  how many of the stale hosts (longest unseen first) to list; all are counted
 */
public record SummaryQuery(int topControls, Duration staleAfter, int staleLimit) {

    /** Defaults: top 10 controls, stale after 7 days, 10 stale hosts listed. */
    public static final SummaryQuery DEFAULT = new SummaryQuery(10, Duration.ofDays(7), 10);

    public SummaryQuery {
        Objects.requireNonNull(staleAfter, "stale_after");
        if (topControls < 0 || staleLimit < 0 || staleAfter.isNegative()) {
            throw new IllegalArgumentException("summary query: top " + topControls + ", stale_after " + staleAfter
                    + ", stale_limit " + staleLimit + " must not be negative");
        }
    }
}
