package dev.vigil.core.diff;

import dev.vigil.core.report.Severity;
import dev.vigil.core.report.Status;
import java.util.Objects;
import java.util.Optional;

/**
 * How one control's status moved between two reports.
 *
 * @param control  the control id
 * @param title    its title (from the newer report where present)
 * @param severity its severity
 * @param from     status in the older report, empty when the control is new
 * @param to       status in the newer report, empty when the control was removed
 * @param detail   the newer finding's detail, or the older one's when removed
 */
public record ControlChange(String control, String title, Severity severity, Optional<Status> from, Optional<Status> to,
                            String detail) {
    public ControlChange {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        detail = Objects.requireNonNullElse(detail, "");
    }
}
