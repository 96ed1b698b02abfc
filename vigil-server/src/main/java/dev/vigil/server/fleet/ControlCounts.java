package dev.vigil.server.fleet;

import dev.vigil.core.catalog.CatalogEntry;
import java.util.Objects;

/**
 * A catalog control with the number of hosts whose latest report has each status for it.
 * Hosts whose latest report lacks the control are not counted.
 */
public record ControlCounts(CatalogEntry control, StatusCounts hosts) {
    public ControlCounts {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(hosts, "hosts");
    }
}
