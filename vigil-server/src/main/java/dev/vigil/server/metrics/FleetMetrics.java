package dev.vigil.server.metrics;

import dev.vigil.server.fleet.FleetSummary;
import dev.vigil.server.fleet.FleetView;
import dev.vigil.server.fleet.HostStatus;
import dev.vigil.server.fleet.SummaryQuery;

import java.time.Duration;
import java.util.Objects;

/** The fleet's size and posture, read from the in-memory view at each scrape. */
public final class FleetMetrics implements Collector {

    private static final String HOSTS = "vigil_fleet_hosts";
    private static final String BY_STATUS = "vigil_fleet_hosts_by_status";
    private static final String STALE = "vigil_fleet_stale_hosts";

    private final FleetView fleet;
    private final SummaryQuery query;
    private final Labels[] statusLabels = new Labels[HostStatus.values().length];

    /** Gauges over {@code fleet}; a host not seen for longer than {@code staleAfter} counts as stale. */
    public FleetMetrics(FleetView fleet, Duration staleAfter) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.query = new SummaryQuery(0, staleAfter, 0);
        for (HostStatus s : HostStatus.values()) {
            statusLabels[s.ordinal()] = Labels.of("status", s.id());
        }
    }

    @Override
    public void collect(Exposition out) {
        FleetSummary s = fleet.summary(query);
        out.family(HOSTS, Exposition.Type.GAUGE, "Hosts in the fleet (each host's latest report).");
        out.sample(HOSTS, Labels.NONE, s.hosts());
        out.family(BY_STATUS, Exposition.Type.GAUGE, "Hosts by overall status of their latest report.");
        for (HostStatus hs : HostStatus.values()) {
            out.sample(BY_STATUS, statusLabels[hs.ordinal()], s.byStatus().get(hs));
        }
        out.family(STALE, Exposition.Type.GAUGE, "Hosts not seen for longer than " + query.staleAfter() + ".");
        out.sample(STALE, Labels.NONE, s.staleHosts());
    }
}
