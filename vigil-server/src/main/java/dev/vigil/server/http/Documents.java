package dev.vigil.server.http;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.diff.ControlChange;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.OsInfo;
import dev.vigil.core.report.Severity;
import dev.vigil.core.report.Status;
import dev.vigil.server.fleet.ControlFailures;
import dev.vigil.server.fleet.FleetSummary;
import dev.vigil.server.fleet.HostDetail;
import dev.vigil.server.fleet.HostPage;
import dev.vigil.server.fleet.HostStatus;
import dev.vigil.server.fleet.HostSummary;
import dev.vigil.server.fleet.ScoreBand;
import dev.vigil.server.fleet.StatusCounts;
import dev.vigil.server.store.ReportEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The API's response documents, as records the shared mapper writes with snake_case keys. Enums appear as the
 * API spells them (lowercase host statuses, score bands by label); {@code next} cursors are null on the last page.
 */
final class Documents {

    private Documents() {
    }

    /** The answer to an ingest, identical for the first submission (201) and any retry (200). */
    record Ingested(UUID reportId, String hostId, int score, Instant receivedAt, List<ControlChange> regressions) {
    }

    record Host(String hostId, String hostname, OsInfo os, Instant lastSeen, UUID reportId, int score, String status,
                StatusCounts counts) {
        static Host of(HostSummary h) {
            return new Host(h.hostId(), h.hostname(), h.os(), h.lastSeen(), h.reportId(), h.score(), h.status().id(),
                    h.counts());
        }

        static List<Host> of(List<HostSummary> hosts) {
            return hosts.stream().map(Host::of).toList();
        }
    }

    record Hosts(List<Host> hosts, Optional<String> next) {
        static Hosts of(HostPage page) {
            return new Hosts(Host.of(page.hosts()), page.next());
        }
    }

    record Summary(int hosts, Map<String, Integer> byStatus, Map<String, Integer> scores,
                   List<Failing> topFailing, String staleAfter, int staleHosts, List<Host> stalest) {
        static Summary of(FleetSummary s, Duration staleAfter, java.util.function.Function<String, String> titles) {
            Map<String, Integer> byStatus = new LinkedHashMap<>();
            for (HostStatus hs : HostStatus.values()) {
                byStatus.put(hs.id(), s.byStatus().get(hs));
            }
            Map<String, Integer> scores = new LinkedHashMap<>();
            for (ScoreBand b : ScoreBand.values()) {
                scores.put(b.label(), s.scores().get(b));
            }
            List<Failing> top = s.topFailing().stream()
                    .map(f -> new Failing(f.control(), titles.apply(f.control()), f.failingHosts())).toList();
            return new Summary(s.hosts(), byStatus, scores, top, staleAfter.toString(), s.staleHosts(), Host.of(s.stalest()));
        }
    }

    /** A control failing on some hosts; see {@link ControlFailures}. */
    record Failing(String control, String title, int failingHosts) {
    }

    record HostDocument(Host host, Map<String, Status> controls, @JsonRawValue String latestReport) {
        static HostDocument of(HostDetail d, String reportJson) {
            return new HostDocument(Host.of(d.summary()), d.controls(), reportJson);
        }
    }

    record History(String hostId, List<ReportEntry> reports, Optional<String> next) {
    }

    record Control(String id, String title, String domain, Severity severity, List<OsFamily> platforms,
                   StatusCounts hosts) {
        static Control of(CatalogEntry e, StatusCounts hosts) {
            return new Control(e.id(), e.title(), e.domain(), e.severity(), e.platforms(), hosts);
        }
    }

    record Controls(List<Control> controls) {
    }

    record ControlDocument(CatalogEntry control, StatusCounts hosts, Hosts failing) {
    }

    record Health(String status) {
    }

    record Ready(String status, Store store) {
    }

    /** How the store was opened; {@code recovered} with the damaged files' names when it had to start afresh. */
    record Store(String outcome, boolean recovered, String message, List<String> movedAside, int hosts) {
    }
}
