package dev.vigil.core.testing;

import dev.vigil.core.report.AgentInfo;
import dev.vigil.core.report.Evidence;
import dev.vigil.core.report.EvidenceSource;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Host;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.OsInfo;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Severity;
import dev.vigil.core.report.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data: reports and findings with realistic content, built in one line. */
public final class Reports {

    public static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private Reports() {
    }

    public static Host host(String hostname) {
        return new Host("0123456789abcdef0123456789abcdef", hostname,
                new OsInfo(OsFamily.LINUX, "Debian GNU/Linux 12 (bookworm)", "12"), "x86_64");
    }

    public static Finding finding(String control, Status status, Severity severity) {
        return new Finding(control, status, severity, "Title of " + control,
                status + " detail for " + control + ".", Map.of("key", "value", "count", 3),
                List.of(new Evidence(EvidenceSource.FILE, "/etc/example", null, "line 1")), 12);
    }

    /** A report of the given findings. */
    public static Report report(String hostname, Finding... findings) {
        return Report.of(UUID.nameUUIDFromBytes((hostname + findings.length).getBytes()), host(hostname),
                new AgentInfo("0.1.0-test"), T0, T0.plusMillis(850), true, List.of(findings));
    }

    /** A report where each control has the given status, all at high severity. */
    public static Report withStatuses(Map<String, Status> statuses) {
        List<Finding> f = new ArrayList<>();
        statuses.forEach((c, s) -> f.add(finding(c, s, Severity.HIGH)));
        return report("host-a", f.toArray(Finding[]::new));
    }
}
