package dev.vigil.agent.check;

import dev.vigil.core.report.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a check concluded: a status, one human sentence, and structured facts. The runner adds the
 * control's title and severity from the catalog, the evidence and the duration.
 */
public record Outcome(Status status, String detail, Map<String, Object> facts) {

    public Outcome {
        Objects.requireNonNull(status, "status");
        if (detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("an outcome needs a detail (the reason, for " + status + ")");
        }
        facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public static Outcome pass(String detail, Map<String, ?> facts) {
        return new Outcome(Status.PASS, detail, copy(facts));
    }

    public static Outcome fail(String detail, Map<String, ?> facts) {
        return new Outcome(Status.FAIL, detail, copy(facts));
    }

    public static Outcome warn(String detail, Map<String, ?> facts) {
        return new Outcome(Status.WARN, detail, copy(facts));
    }

    /** Could not be decided; {@code reason} says why, e.g. "command not found: nft". */
    public static Outcome unknown(String reason) {
        return new Outcome(Status.UNKNOWN, reason, Map.of());
    }

    public static Outcome unknown(String reason, Map<String, ?> facts) {
        return new Outcome(Status.UNKNOWN, reason, copy(facts));
    }

    /** The control does not apply here; {@code reason} says why, e.g. "no SSH server installed". */
    public static Outcome notApplicable(String reason) {
        return new Outcome(Status.NOT_APPLICABLE, reason, Map.of());
    }

    public static Outcome notApplicable(String reason, Map<String, ?> facts) {
        return new Outcome(Status.NOT_APPLICABLE, reason, copy(facts));
    }

    private static Map<String, Object> copy(Map<String, ?> facts) {
        return facts == null ? Map.of() : new LinkedHashMap<>(facts);
    }
}
