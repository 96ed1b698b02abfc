package dev.vigil.agent.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.json.ReportCodec;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.OsInfo;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the renderers derive from a report and the catalog: findings grouped by domain, the
 * findings that need attention, the remediation for the host's platform, and display strings.
 * Pure: the same report and catalog always give the same view.
 */
final class ReportView {

    private static final DateTimeFormatter HUMAN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** FAIL before WARN, then the gravest severity first; report order otherwise (the sort is stable). */
    private static final Comparator<Finding> ATTENTION_ORDER =
            Comparator.comparing((Finding f) -> f.status() == Status.FAIL ? 0 : 1)
                    .thenComparing(Finding::severity);

    private final Report report;
    private final Catalog catalog;

    ReportView(Report report, Catalog catalog) {
        this.report = Objects.requireNonNull(report, "report");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    Report report() {
        return report;
    }

    /**
     * The finding's domain: the catalog's, or the control id's first segment for a control the
     * catalog does not hold (a report from a newer agent, or no catalog at all).
     */
    String domainOf(Finding f) {
        return entry(f).map(CatalogEntry::domain).orElseGet(() -> domainFromId(f.control()));
    }

    static String domainFromId(String control) {
        int dot = control.indexOf('.');
        return dot > 0 ? control.substring(0, dot) : control;
    }

    /** Findings grouped by domain; domains in order of first appearance in the report, findings in report order. */
    Map<String, List<Finding>> byDomain() {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            groups.computeIfAbsent(domainOf(f), d -> new ArrayList<>()).add(f);
        }
        return groups;
    }

    /** FAIL and WARN findings, most urgent first. */
    List<Finding> needingAttention() {
        return report.findings().stream()
                .filter(f -> f.status() == Status.FAIL || f.status() == Status.WARN)
                .sorted(ATTENTION_ORDER)
                .toList();
    }

    Optional<CatalogEntry> entry(Finding f) {
        return catalog.find(f.control());
    }

    /** The catalog's remediation steps for the audited host's platform; empty when there are none. */
    List<String> remediation(Finding f) {
        return entry(f).map(e -> e.remediationFor(report.host().os().family())).orElse(List.of());
    }

    /** e.g. "Debian GNU/Linux 12 (bookworm)", or "linux 12" when the OS gave no name. */
    String osDescription() {
        OsInfo os = report.host().os();
        if (!os.name().isBlank()) {
            return os.name();
        }
        return os.version().isBlank() ? os.family().id() : os.family().id() + " " + os.version();
    }

    String platform() {
        return report.host().os().family().id();
    }

    Duration duration() {
        return Duration.between(report.startedAt(), report.finishedAt());
    }

    /** e.g. "2026-03-01 10:15:02 UTC". */
    static String humanTime(Instant t) {
        return HUMAN_TIME.format(t);
    }

    /** e.g. "0.84 s" or "12 ms". */
    static String humanDuration(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }

    /** A JSON value (facts are JSON-compatible) as compact JSON text. */
    static String json(Object value) {
        try {
            return ReportCodec.instance().mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    /** "N pass, N fail, N warn, N unknown, N not applicable — score S/100". */
    static String summaryLine(Report r) {
        var s = r.summary();
        return s.pass() + " pass, " + s.fail() + " fail, " + s.warn() + " warn, " + s.unknown() + " unknown, "
                + s.notApplicable() + " not applicable — score " + s.score() + "/100";
    }
}
