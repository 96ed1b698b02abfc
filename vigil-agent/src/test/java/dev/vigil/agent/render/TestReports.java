package dev.vigil.agent.render;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.catalog.Reference;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test data for the renderers: findings, reports and catalogs built in code, independent of the
 * bundled catalog. {@link #realistic()} is an audit of a Debian server with every status in several domains.
 */
final class TestReports {

    static final Instant START = Instant.parse("2026-03-01T10:15:02.250Z");
    static final Instant FINISH = Instant.parse("2026-03-01T10:15:03.090Z");
    static final UUID REPORT_ID = UUID.fromString("0b9b7c5e-6a53-4d0e-9d52-3f1f0f6f7a10");

    private TestReports() {
    }

    static FindingBuilder finding(String control) {
        return new FindingBuilder(control);
    }

    static ReportBuilder report(Finding... findings) {
        return new ReportBuilder(List.of(findings));
    }

    /** A catalog entry for Linux (and macOS) with two remediation steps per platform. */
    static CatalogEntry entry(String id, String domain, Severity severity) {
        return new CatalogEntry(id, "Title of " + id, domain, severity, List.of(OsFamily.LINUX, OsFamily.MACOS),
                "Rationale for " + id + ".",
                Map.of(OsFamily.LINUX, List.of("First Linux step for " + id + ".", "Second Linux step for " + id + "."),
                        OsFamily.MACOS, List.of("First macOS step for " + id + ".")),
                List.of("Caveat for " + id + "."),
                List.of(new Reference("CIS Controls v8", "4.1", "Establish and Maintain a Secure Configuration Process")));
    }

    /** Catalog entries for the given findings, the domain being the control id's first segment. */
    static Catalog catalogFor(Report report) {
        return Catalog.of(report.findings().stream()
                .map(f -> entry(f.control(), ReportView.domainFromId(f.control()), f.severity()))
                .toList());
    }

    static final class FindingBuilder {
        private final String control;
        private Status status = Status.PASS;
        private Severity severity = Severity.MEDIUM;
        private String title;
        private String detail;
        private final Map<String, Object> facts = new LinkedHashMap<>();
        private final List<Evidence> evidence = new ArrayList<>();
        private long durationMs = 12;

        private FindingBuilder(String control) {
            this.control = control;
            this.title = "Title of " + control;
            this.detail = "Detail of " + control + ".";
        }

        FindingBuilder status(Status s) {
            this.status = s;
            return this;
        }

        FindingBuilder severity(Severity s) {
            this.severity = s;
            return this;
        }

        FindingBuilder title(String t) {
            this.title = t;
            return this;
        }

        FindingBuilder detail(String d) {
            this.detail = d;
            return this;
        }

        FindingBuilder fact(String key, Object value) {
            facts.put(key, value);
            return this;
        }

        FindingBuilder command(String query, int exitCode, String excerpt) {
            evidence.add(new Evidence(EvidenceSource.COMMAND, query, exitCode, excerpt));
            return this;
        }

        FindingBuilder file(String path, String excerpt) {
            evidence.add(new Evidence(EvidenceSource.FILE, path, null, excerpt));
            return this;
        }

        FindingBuilder durationMs(long ms) {
            this.durationMs = ms;
            return this;
        }

        Finding build() {
            return new Finding(control, status, severity, title, detail, facts, evidence, durationMs);
        }
    }

    static final class ReportBuilder {
        private final List<Finding> findings;
        private String hostname = "web-01";
        private OsInfo os = new OsInfo(OsFamily.LINUX, "Debian GNU/Linux 12 (bookworm)", "12");
        private boolean elevated = true;
        private String agentVersion = "0.1.0";

        private ReportBuilder(List<Finding> findings) {
            this.findings = findings;
        }

        ReportBuilder hostname(String h) {
            this.hostname = h;
            return this;
        }

        ReportBuilder os(OsFamily family, String name, String version) {
            this.os = new OsInfo(family, name, version);
            return this;
        }

        ReportBuilder elevated(boolean e) {
            this.elevated = e;
            return this;
        }

        ReportBuilder agentVersion(String v) {
            this.agentVersion = v;
            return this;
        }

        Report build() {
            Host host = new Host("5f3c0d6e9a1b2c4d", hostname, os, "x86_64");
            return Report.of(REPORT_ID, host, new AgentInfo(agentVersion), START, FINISH, elevated, findings);
        }
    }

    /** A Debian server audit: every status, six domains, facts, command and file evidence. */
    static Report realistic() {
        return report(
                finding("disk.encryption.system").status(Status.PASS).severity(Severity.CRITICAL)
                        .title("System disk encrypted")
                        .detail("The root file system sits on LUKS2 (dm-0 on vda3).")
                        .fact("layer", "luks2").fact("stack", List.of("dm-0 (crypt, LUKS2)", "vda3 (partition)"))
                        .file("/proc/self/mountinfo", "26 1 254:0 / / rw,relatime shared:1 - ext4 /dev/mapper/vda3_crypt rw")
                        .file("/sys/block/dm-0/dm/uuid", "CRYPT-LUKS2-3c1e8f0a2b5d4e6f8a9b0c1d2e3f4a5b-vda3_crypt")
                        .durationMs(4).build(),
                finding("disk.encryption.swap").status(Status.NOT_APPLICABLE).severity(Severity.MEDIUM)
                        .title("Swap encrypted").detail("No swap is active.")
                        .file("/proc/swaps", "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n").durationMs(1).build(),
                finding("firewall.enabled").status(Status.FAIL).severity(Severity.HIGH)
                        .title("Host firewall enabled")
                        .detail("The nftables input chain accepts by default and ufw and firewalld are inactive.")
                        .fact("source", "nftables").fact("input_policy", "accept")
                        .command("nft -j list ruleset", 0,
                                "{\"nftables\": [{\"metainfo\": {\"version\": \"1.0.6\", \"json_schema_version\": 1}},"
                                        + " {\"chain\": {\"family\": \"inet\", \"table\": \"filter\", \"name\": \"input\","
                                        + " \"type\": \"filter\", \"hook\": \"input\", \"prio\": 0, \"policy\": \"accept\"}}]}")
                        .durationMs(38).build(),
                finding("network.exposed-ports").status(Status.WARN).severity(Severity.HIGH)
                        .title("No risky ports exposed")
                        .detail("Port 8443 listens on all addresses; no high-risk port is exposed.")
                        .fact("listeners", List.of(
                                Map.of("address", "0.0.0.0", "port", 8443, "process", "java"),
                                Map.of("address", "127.0.0.1", "port", 5432, "process", "postgres")))
                        .file("/proc/net/tcp", "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
                                + "   0: 00000000:20FB 00000000:0000 0A 00000000:00000000 00:00000000 00000000   998        0 21334 1 0000000000000000 100 0 0 10 0\n")
                        .durationMs(3).build(),
                finding("remote.ssh.root-login").status(Status.NOT_APPLICABLE).severity(Severity.HIGH)
                        .title("SSH root login disabled").detail("No SSH server is installed (sshd not found).").durationMs(1).build(),
                finding("patch.pending-updates").status(Status.UNKNOWN).severity(Severity.HIGH)
                        .title("Security updates applied")
                        .detail("timed out after 5 s: apt-get -s upgrade").durationMs(5000).build(),
                finding("patch.pending-reboot").status(Status.FAIL).severity(Severity.MEDIUM)
                        .title("No reboot pending")
                        .detail("A reboot is pending since 2026-02-27 for linux-image-6.1.0-31-amd64.")
                        .fact("packages", List.of("linux-image-6.1.0-31-amd64"))
                        .file("/run/reboot-required.pkgs", "linux-image-6.1.0-31-amd64\n").durationMs(1).build(),
                finding("kernel.aslr").status(Status.PASS).severity(Severity.MEDIUM)
                        .title("Address space layout randomisation").detail("kernel.randomize_va_space is 2 (full).")
                        .fact("value", 2).file("/proc/sys/kernel/randomize_va_space", "2\n").durationMs(1).build(),
                finding("files.shadow-permissions").status(Status.UNKNOWN).severity(Severity.HIGH)
                        .title("Shadow file permissions")
                        .detail("permission denied reading /etc/shadow (requires root)").durationMs(1).build(),
                finding("accounts.uid0").status(Status.PASS).severity(Severity.HIGH)
                        .title("Only root has UID 0").detail("Only root has UID 0.")
                        .fact("accounts", List.of("root")).file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n").build())
                .build();
    }
}
