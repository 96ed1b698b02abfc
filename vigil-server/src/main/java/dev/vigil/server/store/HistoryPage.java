package dev.vigil.server.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a host's history, newest first.
 *
 * @param entries the reports on this page
 * @param next    the cursor for the next page, empty on the last page
 */
public record HistoryPage(List<ReportEntry> entries, Optional<String> next) {
    public HistoryPage {
        entries = List.copyOf(entries);
        Objects.requireNonNull(next, "next");
    }
}
