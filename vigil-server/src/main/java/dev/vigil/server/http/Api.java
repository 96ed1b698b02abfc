package dev.vigil.server.http;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.diff.ReportDiff;
import dev.vigil.server.fleet.ControlCounts;
import dev.vigil.server.fleet.ControlDetail;
import dev.vigil.server.fleet.FleetSummary;
import dev.vigil.server.fleet.FleetView;
import dev.vigil.server.fleet.HostDetail;
import dev.vigil.server.fleet.HostPage;
import dev.vigil.server.fleet.HostQuery;
import dev.vigil.server.fleet.SummaryQuery;
import dev.vigil.server.store.HistoryPage;
import dev.vigil.server.store.OpenOutcome;
import dev.vigil.server.store.ReportStore;
import dev.vigil.server.store.StoredReport;
import dev.vigil.server.view.ResourceUrl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** The read endpoints: each turns a call into a document, reading the fleet view (or the store for history). */
final class Api {

    static final String SCHEMA_RESOURCE = "/dev/vigil/core/report.schema.json";

    private final ReportStore store;
    private final FleetView fleet;
    private final Catalog catalog;
    private final byte[] schema;
    private final Duration staleAfter;

    /**
     * @param staleAfter how long unseen makes a host stale in the summary, unless {@code ?stale=} says otherwise
     */
    Api(ReportStore store, FleetView fleet, Catalog catalog, Duration staleAfter) {
        this.store = store;
        this.fleet = fleet;
        this.catalog = catalog;
        this.staleAfter = staleAfter;
        this.schema = resource(SCHEMA_RESOURCE);
    }

    Object summary(Call call) {
        Duration stale = Queries.duration(call, "stale").orElse(staleAfter);
        SummaryQuery q = new SummaryQuery(SummaryQuery.DEFAULT.topControls(), stale, SummaryQuery.DEFAULT.staleLimit());
        FleetSummary s = fleet.summary(q);
        return new Resource(Documents.Summary.of(s, stale, id -> catalog.find(id).map(CatalogEntry::title).orElse(id)),
                v -> v.summary(s), v -> v.summary(s));
    }

    Object hosts(Call call) {
        HostQuery q = Queries.hosts(call);
        HostPage page;
        try {
            page = fleet.hosts(q);
        } catch (IllegalArgumentException e) {
            throw badCursor(e);
        }
        ResourceUrl here = call.url();
        return new Resource(Documents.Hosts.of(page), v -> v.hosts(page, here), v -> v.hosts(page, here));
    }

    Object host(Call call) {
        HostDetail d = knownHost(call.path("host_id"));
        // the stored report is read (and unzipped) for the JSON document only: the views show the fleet's summary
        Supplier<Object> json = () -> Documents.HostDocument.of(d, store.report(d.summary().reportId())
                .map(StoredReport::json).orElseThrow(() -> new IllegalStateException("latest report "
                        + d.summary().reportId() + " of host " + d.summary().hostId() + " is missing from the store")));
        return new Resource(json, v -> v.host(d, catalog), v -> v.host(d, catalog));
    }

    Object history(Call call) {
        String hostId = call.path("host_id");
        knownHost(hostId);
        int limit = Queries.limit(call, 50, ReportStore.MAX_PAGE);
        try {
            HistoryPage page = store.history(hostId, limit, call.query("cursor"));
            ResourceUrl here = call.url();
            return new Resource(new Documents.History(hostId, page.entries(), page.next()),
                    v -> v.history(hostId, page.entries(), page.next(), here),
                    v -> v.history(hostId, page.entries(), page.next(), here));
        } catch (IllegalArgumentException e) {
            throw badCursor(e);
        }
    }

    Object diff(Call call) {
        String hostId = call.path("host_id");
        knownHost(hostId);
        Optional<UUID> from = Queries.uuid(call, "from");
        Optional<UUID> to = Queries.uuid(call, "to");
        UUID toId;
        UUID fromId;
        if (from.isPresent() && to.isPresent()) {
            fromId = from.get();
            toId = to.get();
        } else {
            List<UUID> recent = store.history(hostId, 2, Optional.empty()).entries().stream()
                    .map(e -> e.reportId()).toList();
            toId = to.orElse(recent.getFirst());
            if (from.isPresent()) {
                fromId = from.get();
            } else if (to.isEmpty() && recent.size() == 2) {
                fromId = recent.get(1);
            } else if (to.isEmpty()) {
                throw new ApiException(Problem.notFound("host " + hostId
                        + " has a single report: there is nothing to compare it with"));
            } else {
                throw new ApiException(Problem.invalidParameter("from",
                        "give 'from' with 'to', or neither to compare the previous report with the latest"));
            }
        }
        ReportDiff d = ReportDiff.between(reportOf(hostId, fromId, "from").report(), reportOf(hostId, toId, "to").report());
        ResourceUrl here = call.url();
        return new Resource(d, v -> v.diff(d), v -> v.diff(d, here));
    }

    Object report(Call call) {
        UUID id = Queries.uuid("report_id", call.path("report_id"), false);
        StoredReport r = store.report(id).orElseThrow(() -> new ApiException(Problem.notFound("no report " + id)));
        return new Resource(new RawBody(r.json().getBytes(StandardCharsets.UTF_8), "application/json"),
                v -> v.report(r.report()), v -> v.report(r.report()));
    }

    Object controls(Call call) {
        List<ControlCounts> controls = fleet.controls(catalog);
        return new Resource(new Documents.Controls(controls.stream()
                .map(c -> Documents.Control.of(c.control(), c.hosts())).toList()),
                v -> v.controls(controls), v -> v.controls(controls));
    }

    Object control(Call call) {
        String id = call.path("id");
        CatalogEntry entry = catalog.find(id).orElseThrow(() -> new ApiException(
                Problem.notFound("control '" + Queries.abbreviate(id) + "' is not in the catalog")));
        int limit = Queries.limit(call, HostQuery.DEFAULT_LIMIT, HostQuery.MAX_LIMIT);
        try {
            ControlDetail d = fleet.control(id, limit, call.query("cursor"));
            ResourceUrl here = call.url();
            return new Resource(new Documents.ControlDocument(entry, d.hosts(), Documents.Hosts.of(d.failing())),
                    v -> v.control(d, catalog, here), v -> v.control(d, catalog, here));
        } catch (IllegalArgumentException e) {
            throw badCursor(e);
        }
    }

    Object healthz(Call call) {
        Map<String, String> facts = Map.of("Status", "ok");
        ResourceUrl here = call.url();
        return new Resource(new Documents.Health("ok"), v -> v.facts("Vigil kernel: healthy", facts),
                v -> v.facts("Vigil kernel: healthy", facts, here));
    }

    Object readyz(Call call) {
        OpenOutcome o = store.outcome();
        boolean recovered = o.kind() == OpenOutcome.Kind.RECOVERED;
        List<String> moved = o.movedAside().stream().map(Path::getFileName).map(Path::toString).toList();
        Documents.Ready ready = new Documents.Ready(recovered ? "ready, store recovered" : "ready",
                new Documents.Store(o.kind().name().toLowerCase(java.util.Locale.ROOT), recovered, o.message(), moved,
                        fleet.summary(SummaryQuery.DEFAULT).hosts()));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Status", ready.status());
        facts.put("Store", ready.store().outcome());
        facts.put("Message", ready.store().message());
        if (!moved.isEmpty()) {
            facts.put("Moved aside", String.join(", ", moved));
        }
        facts.put("Hosts", Integer.toString(ready.store().hosts()));
        String title = "Vigil kernel: " + ready.status();
        ResourceUrl here = call.url();
        return new Resource(ready, v -> v.facts(title, facts), v -> v.facts(title, facts, here));
    }

    Object schema(Call call) {
        return new RawBody(schema, "application/schema+json");
    }

    private HostDetail knownHost(String hostId) {
        return fleet.host(hostId).orElseThrow(() -> new ApiException(
                Problem.notFound("no host " + Queries.abbreviate(hostId))));
    }

    private StoredReport reportOf(String hostId, UUID id, String parameter) {
        return store.report(id).filter(r -> r.entry().hostId().equals(hostId))
                .orElseThrow(() -> new ApiException(Problem.notFound(
                        parameter + ": host " + hostId + " has no report " + id).with("parameter", parameter)));
    }

    private static ApiException badCursor(IllegalArgumentException e) {
        return new ApiException(Problem.invalidParameter("cursor", e.getMessage()));
    }

    private static byte[] resource(String name) {
        try (InputStream in = Api.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("resource " + name + " is unreadable", e);
        }
    }
}
