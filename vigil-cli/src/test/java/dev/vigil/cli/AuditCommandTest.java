package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.core.json.ReportCodec;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Status;
import dev.vigil.core.testing.ReportSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {

    @TempDir
    Path dir;

    private static boolean linux() {
        return System.getProperty("os.name").startsWith("Linux");
    }

    private Report audit(String... extra) throws IOException {
        Path out = dir.resolve("r-" + System.nanoTime() + ".json");
        String[] args = new String[extra.length + 5];
        args[0] = "audit";
        args[1] = "--format";
        args[2] = "json";
        args[3] = "--output";
        args[4] = out.toString();
        System.arraycopy(extra, 0, args, 5, extra.length);
        Cli r = Cli.run(args);
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        String json = Files.readString(out);
        assertThat(ReportSchema.violations(json)).isEmpty();
        return ReportCodec.instance().read(json);
    }

    @Test
    void aRealAuditOfThisMachineValidatesAgainstTheSchema() throws IOException {
        assumeTrue(linux(), "live Linux audit runs on Linux only");
        Report r = audit();
        assertThat(r.host().os().family().id()).isEqualTo("linux");
        assertThat(r.findings()).isNotEmpty();
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.detail()).isNotBlank());
    }

    @Test
    void aRealAuditAsRootDecidesTheLinuxControls() throws IOException {
        assumeTrue(linux(), "live Linux audit runs on Linux only");
        Report r = audit();
        assumeTrue(r.elevated(), "deciding every control needs root; this run is not elevated");
        assertThat(r.findings()).extracting(Finding::control).containsAll(LINUX_CONTROLS);
        for (Finding f : r.findings()) {
            assertThat(f.detail()).as(f.control()).doesNotStartWith("check failed").doesNotStartWith("timed out");
        }
        // a machine may lack an input (no package lists, no /proc/net/tcp6); more than a few undecided controls means a check is broken
        List<String> unknown = r.findings().stream().filter(f -> f.status() == Status.UNKNOWN)
                .map(f -> f.control() + ": " + f.detail()).toList();
        assertThat(unknown).as("undecided controls on this machine").hasSizeLessThanOrEqualTo(3);
    }

    private static final List<String> LINUX_CONTROLS = List.of("disk.encryption.system", "disk.encryption.swap",
            "firewall.enabled", "network.exposed-ports", "remote.ssh.root-login", "remote.ssh.password-auth",
            "patch.pending-reboot", "patch.pending-updates", "patch.auto-updates", "integrity.mac", "integrity.secure-boot",
            "kernel.aslr", "kernel.sysctl-hardening", "accounts.empty-passwords", "accounts.uid0", "files.shadow-permissions",
            "logging.audit");

    @Test
    void recordThenReplayGivesTheSameFindings() throws IOException {
        assumeTrue(linux(), "recording a live Linux audit runs on Linux only");
        Path folder = dir.resolve("rec");
        Report live = audit("--record", folder.toString());
        Report replayed = audit("--replay", folder.toString());
        assertThat(statuses(replayed)).isEqualTo(statuses(live));
        assertThat(replayed.host()).isEqualTo(live.host());
        assertThat(replayed.findings()).extracting(Finding::detail)
                .containsExactlyElementsOf(live.findings().stream().map(Finding::detail).toList());
    }

    @Test
    void onlyAndSkipSelectByIdOrDomain() throws IOException {
        assumeTrue(linux());
        Report onlyKernel = audit("--only", "kernel");
        assertThat(onlyKernel.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.control()).startsWith("kernel."));
        Report skip = audit("--only", "kernel,accounts.uid0", "--skip", "kernel.aslr");
        assertThat(skip.findings()).extracting(Finding::control).doesNotContain("kernel.aslr").contains("accounts.uid0");
    }

    @Test
    void withoutFormatItPrintsATableAndWritesJsonAndHtmlFiles() {
        assumeTrue(linux());
        Cli r = Cli.run("audit", "--report-dir", dir.toString(), "--only", "kernel", "--color", "never");
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        assertThat(r.out()).contains("kernel.aslr", "JSON report: ", "HTML report: ");
        assertThat(r.out()).doesNotContain("\u001b[");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("vigil-report-") && n.endsWith(".json"))
                    .anyMatch(n -> n.startsWith("vigil-report-") && n.endsWith(".html"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void failOnNeverAlwaysExitsZero() {
        assumeTrue(linux());
        Cli r = Cli.run("audit", "--format", "json", "--fail-on", "never");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void unknownSelectorIsAUsageError() {
        Cli r = Cli.run("audit", "--only", "disk.encryptoin");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'disk.encryptoin' is neither a control id nor a domain");
    }

    @Test
    void outputWithoutFormatIsAUsageError() {
        Cli r = Cli.run("audit", "--output", "x.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--output needs --format");
    }

    @Test
    void replayOfAMissingFolderIsAUsageError() {
        Cli r = Cli.run("audit", "--replay", dir.resolve("nope").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no such folder");
    }

    @Test
    void replayOfAFolderThatIsNotAReplayFolderSaysWhy() {
        Cli r = Cli.run("audit", "--replay", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("not a replay folder");
    }

    @Test
    void aBadTimeoutIsAUsageError() {
        Cli r = Cli.run("audit", "--timeout", "soon");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("soon");
    }

    @Test
    void anUnknownFailOnIsAUsageError() {
        Cli r = Cli.run("audit", "--fail-on", "urgent");
        assertThat(r.exitCode()).isEqualTo(2);
    }

    static Map<String, Status> statuses(Report r) {
        return r.findings().stream().collect(Collectors.toMap(Finding::control, Finding::status));
    }

    static Map<String, Finding> byControl(Report r) {
        return r.findings().stream().collect(Collectors.toMap(Finding::control, Function.identity()));
    }
}
