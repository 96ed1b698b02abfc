package dev.vigil.server.fleet;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of hosts, sorted by hostname (ignoring case), then hostname, then host id.
 *
 * @param hosts   the hosts on this page
 * @param next    the cursor of the next page; empty on the last page. It names a position in the sort
 *                order, not an offset, so it stays valid while the fleet changes
 * @param version the view's version when the page was read
 */
public record HostPage(List<HostSummary> hosts, Optional<String> next, long version) {
    public HostPage {
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(next, "next");
    }
}
