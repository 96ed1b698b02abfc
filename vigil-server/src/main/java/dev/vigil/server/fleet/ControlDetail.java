package dev.vigil.server.fleet;

import java.util.Objects;

/**
 * One control across the fleet.
 *
 * @param control the control id
 * @param hosts   hosts by the control's status in their latest report
 * @param failing one page of the hosts failing it (same paging as {@link FleetView#hosts})
 */
public record ControlDetail(String control, StatusCounts hosts, HostPage failing) {
    public ControlDetail {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(hosts, "hosts");
        Objects.requireNonNull(failing, "failing");
    }
}
