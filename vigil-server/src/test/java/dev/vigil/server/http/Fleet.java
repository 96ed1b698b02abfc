package dev.vigil.server.http;

import dev.vigil.core.report.AgentInfo;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Host;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.OsInfo;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Severity;
import dev.vigil.core.report.Status;
import dev.vigil.core.testing.Reports;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** Reports of distinct hosts with controls from the bundled catalog, and a clock the test sets. */
final class Fleet {

    static final String FIREWALL = "firewall.enabled";
    static final String DISK = "disk.encryption.system";
    static final String SWAP = "disk.encryption.swap";

    private Fleet() {
    }

    /** A report of host {@code hostId} finished {@code minutes} after {@link Reports#T0}, with firewall, disk and swap statuses. */
    static Report report(String hostId, String hostname, OsFamily os, int minutes, Status firewall, Status disk,
                         Status swap) {
        List<Finding> findings = new ArrayList<>();
        findings.add(Reports.finding(DISK, disk, Severity.HIGH));
        findings.add(Reports.finding(SWAP, swap, Severity.MEDIUM));
        findings.add(Reports.finding(FIREWALL, firewall, Severity.HIGH));
        Host host = new Host(hostId, hostname, new OsInfo(os, os.id() + " test", "1"), "x86_64");
        Instant finished = Reports.T0.plus(Duration.ofMinutes(minutes));
        UUID id = UUID.nameUUIDFromBytes((hostId + "/" + minutes + "/" + firewall + disk + swap).getBytes());
        return Report.of(id, host, new AgentInfo("0.1.0-test"), finished.minusMillis(850), finished, true, findings);
    }

    /** Five hosts, one of them (a1, alpha) with two reports: it passed, then its firewall failed. */
    static List<Report> some() {
        return List.of(
                report("a1", "alpha", OsFamily.LINUX, 0, Status.PASS, Status.PASS, Status.PASS),
                report("a1", "alpha", OsFamily.LINUX, 30, Status.FAIL, Status.PASS, Status.PASS),
                report("b2", "bravo", OsFamily.WINDOWS, 10, Status.FAIL, Status.FAIL, Status.PASS),
                report("c3", "charlie", OsFamily.MACOS, 20, Status.PASS, Status.PASS, Status.WARN),
                report("d4", "delta", OsFamily.LINUX, 5, Status.PASS, Status.PASS, Status.PASS),
                report("e5", "echo", OsFamily.LINUX, 15, Status.PASS, Status.UNKNOWN, Status.PASS));
    }

    static Report passing(String hostId, int minutes) {
        return report(hostId, "host-" + hostId, OsFamily.LINUX, minutes, Status.PASS, Status.PASS, Status.PASS);
    }

    /** A clock the test moves; starts a day after {@link Reports#T0}. */
    static final class TestClock implements InstantSource {
        private final AtomicReference<Instant> now = new AtomicReference<>(Reports.T0.plus(Duration.ofDays(1)));

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }
    }
}
