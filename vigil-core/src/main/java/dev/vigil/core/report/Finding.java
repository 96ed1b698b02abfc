package dev.vigil.core.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one control on one host.
 *
 * @param control    the stable control id, e.g. {@code disk.encryption.system}
 * @param status     the outcome
 * @param severity   how much a failure matters (from the catalog)
 * @param title      the control's title (from the catalog)
 * @param detail     one human sentence; for UNKNOWN and NOT_APPLICABLE, the reason
 * @param facts      structured values the check found, JSON-compatible
 * @param evidence   what was run or read
 * @param durationMs how long the check took
 */
public record Finding(
        String control,
        Status status,
        Severity severity,
        String title,
        String detail,
        Map<String, Object> facts,
        List<Evidence> evidence,
        long durationMs) {

    public Finding {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        if (detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("finding " + control + " (" + status + ") has no detail");
        }
        facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        if (durationMs < 0) {
            throw new IllegalArgumentException("finding " + control + " has negative duration " + durationMs);
        }
    }
}
