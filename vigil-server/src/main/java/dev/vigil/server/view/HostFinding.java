package dev.vigil.server.view;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.report.Status;
import dev.vigil.server.fleet.HostDetail;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One row of a host's findings table: the control's status on the host, with title and severity from the
 * catalog ("unknown" and the id itself for a control the catalog lacks).
 */
record HostFinding(String control, Status status, String severity, String title) {

    /** Worst first: FAIL, WARN, UNKNOWN, PASS, N/A; then by control id. */
    private static final List<Status> ORDER = List.of(Status.FAIL, Status.WARN, Status.UNKNOWN, Status.PASS,
            Status.NOT_APPLICABLE);

    static List<HostFinding> of(HostDetail d, Catalog catalog) {
        List<HostFinding> rows = new ArrayList<>();
        d.controls().forEach((id, status) -> {
            Optional<CatalogEntry> e = catalog.find(id);
            rows.add(new HostFinding(id, status, e.map(x -> x.severity().id()).orElse("unknown"),
                    e.map(CatalogEntry::title).orElse(id)));
        });
        rows.sort(Comparator.comparingInt((HostFinding f) -> ORDER.indexOf(f.status()))
                .thenComparing(HostFinding::control));
        return rows;
    }
}
