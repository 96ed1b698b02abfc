package dev.vigil.server.fleet;

import dev.vigil.core.report.Severity;
import dev.vigil.core.report.Status;
import java.util.Locale;

/**
 * A host's overall posture, derived from its latest report.
 *
 * <ul>
 *   <li>{@link #FAILING}: at least one finding FAILs at {@code high} or {@code critical} severity;</li>
 *   <li>{@link #WARNING}: otherwise, at least one finding FAILs (at a lower severity) or WARNs;</li>
 *   <li>{@link #PASSING}: otherwise (UNKNOWN and NOT_APPLICABLE findings do not count against a host).</li>
 * </ul>
 */
public enum HostStatus {
    FAILING, WARNING, PASSING;

    /** The API's spelling: lowercase. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the API's spelling (case-insensitive); throws IllegalArgumentException naming the value. */
    public static HostStatus of(String text) {
        for (HostStatus s : values()) {
            if (s.id().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown host status '" + text + "', expected failing, warning or passing");
    }

    /** Folds one finding into the status so far. */
    static HostStatus worse(HostStatus sofar, Status status, Severity severity) {
        HostStatus here = switch (status) {
            case FAIL -> severity.atLeast(Severity.HIGH) ? FAILING : WARNING;
            case WARN -> WARNING;
            case PASS, UNKNOWN, NOT_APPLICABLE -> PASSING;
        };
        return here.ordinal() < sofar.ordinal() ? here : sofar;
    }
}
