package dev.vigil.server.fleet;

import dev.vigil.core.report.Status;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One host with the status of each control in its latest report.
 *
 * @param summary  the host's summary
 * @param controls control id to status, in the order the fleet first saw the controls
 */
public record HostDetail(HostSummary summary, Map<String, Status> controls) {
    public HostDetail {
        Objects.requireNonNull(summary, "summary");
        controls = Collections.unmodifiableMap(new LinkedHashMap<>(controls));
    }
}
