package dev.vigil.server.fleet;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fleet at a glance.
 *
 * @param version     the view's version this summary was taken at
 * @param hosts       how many hosts the fleet holds
 * @param byStatus    hosts by overall status (every status present, possibly 0)
 * @param scores      hosts by score band (every band present, possibly 0)
 * @param topFailing  the controls failing on most hosts, most first (ties by control id), only those failing somewhere
 * @param staleHosts  how many hosts were not seen for longer than the query's {@code staleAfter}
 * @param stalest     the longest-unseen of them, at most the query's {@code staleLimit}
 */
public record FleetSummary(long version, int hosts, Map<HostStatus, Integer> byStatus, Map<ScoreBand, Integer> scores,
                           List<ControlFailures> topFailing, int staleHosts, List<HostSummary> stalest) {
    public FleetSummary {
        byStatus = Collections.unmodifiableMap(new EnumMap<>(Objects.requireNonNull(byStatus, "by_status")));
        scores = Collections.unmodifiableMap(new EnumMap<>(Objects.requireNonNull(scores, "scores")));
        topFailing = List.copyOf(topFailing);
        stalest = List.copyOf(stalest);
    }
}
