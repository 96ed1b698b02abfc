package dev.vigil.core.catalog;

import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.Severity;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One control: what it checks, why it matters, and how to fix it on each platform.
 *
 * @param id          stable, lowercase dotted slug, never reused
 * @param title       short name of the control
 * @param domain      the area it belongs to, e.g. {@code disk}, {@code firewall}
 * @param severity    how much a failure matters
 * @param platforms   where a check implements it
 * @param rationale   the threat it mitigates
 * @param remediation steps per platform, keyed by {@code linux}, {@code macos}, {@code windows}
 * @param caveats     what the check cannot see or where it may mislead
 * @param references  CIS Controls v8 safeguard, CIS Benchmark section where one applies
 */
public record CatalogEntry(
        String id,
        String title,
        String domain,
        Severity severity,
        List<OsFamily> platforms,
        String rationale,
        Map<OsFamily, List<String>> remediation,
        List<String> caveats,
        List<Reference> references) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

    public CatalogEntry {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("control id '" + id + "' is not a lowercase dotted slug");
        }
        requireText(id, "title", title);
        requireText(id, "domain", domain);
        requireText(id, "rationale", rationale);
        Objects.requireNonNull(severity, () -> id + ": severity");
        platforms = List.copyOf(Objects.requireNonNull(platforms, () -> id + ": platforms"));
        if (platforms.isEmpty()) {
            throw new IllegalArgumentException(id + ": no platforms");
        }
        Objects.requireNonNull(remediation, () -> id + ": remediation");
        // an EnumMap keeps platform order stable, so encoded catalogs (and their ETags) do not change between runs
        remediation = remediation.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(remediation));
        for (OsFamily p : platforms) {
            List<String> steps = remediation.get(p);
            if (steps == null || steps.isEmpty()) {
                throw new IllegalArgumentException(id + ": no remediation for platform " + p.id());
            }
        }
        caveats = caveats == null ? List.of() : List.copyOf(caveats);
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** The remediation steps for one platform, or an empty list. */
    public List<String> remediationFor(OsFamily family) {
        return List.copyOf(remediation.getOrDefault(family, List.of()));
    }

    private static void requireText(String id, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(id + ": " + field + " is missing");
        }
    }
}
