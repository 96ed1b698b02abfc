package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.json.ReportCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil submit} and {@code vigil audit --submit} against a real kernel process on loopback. */
class SubmitCommandTest {

    /** Small enough that a padded real report exceeds it; a real report (about 40 kB) fits. */
    static final long BODY_LIMIT = 64 * 1024;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static KernelProcess kernel;
    static Path tokenFile;

    @BeforeAll
    static void startKernel() {
        kernel = new KernelProcess(shared.resolve("data"), BODY_LIMIT).start();
        tokenFile = kernel.writeTokenFile(shared);
    }

    @AfterAll
    static void stopKernel() {
        kernel.close();
    }

    Path auditedReport(String name) {
        Path file = dir.resolve(name);
        Cli r = Cli.run("audit", "--replay", ReplayAudits.folder("linux-neglected").toString(), "--format", "json",
                "--output", file.toString(), "--fail-on", "never");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return file;
    }

    Cli submit(Path... files) {
        String[] args = new String[files.length + 5];
        args[0] = "submit";
        args[1] = "--server";
        args[2] = kernel.uri().toString();
        args[3] = "--token-file";
        args[4] = tokenFile.toString();
        for (int i = 0; i < files.length; i++) {
            args[5 + i] = files[i].toString();
        }
        return Cli.run(args);
    }

    @Test
    void aSavedReportIsStoredThenReportedAsDuplicate() throws IOException {
        Path file = auditedReport("r.json");
        String id = ReportCodec.instance().read(Files.readString(file)).reportId().toString();

        Cli first = submit(file);
        Cli again = submit(file);

        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains(file + ": stored (report " + id).containsPattern("score \\d+, ");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains(file + ": duplicate (the kernel already had report " + id);
        assertThat(kernel.get("/api/v1/reports/" + id).path("report_id").asText()).isEqualTo(id);
    }

    @Test
    void anInvalidReportPrintsTheKernelsProblemAndExits1() throws IOException {
        Path good = auditedReport("good.json");
        ObjectNode tree = (ObjectNode) ReportCodec.instance().tree(Files.readString(auditedReport("bad.json")));
        ((ObjectNode) tree.path("findings").get(0)).put("control", "made.up");
        Path bad = Files.writeString(dir.resolve("bad.json"), tree.toString());

        Cli r = submit(bad, good);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains(bad + ": rejected: 400 Bad request: findings[0].control: control 'made.up' is not in the catalog")
                .contains(good + ": stored")
                .contains("1 of 2 report(s) not delivered");
    }

    @Test
    void anOversizedReportPrintsTheKernelsLimitAndExits1() throws IOException {
        String json = Files.readString(auditedReport("big.json"));
        Path big = Files.writeString(dir.resolve("big.json"), json + " ".repeat((int) BODY_LIMIT));

        Cli r = submit(big);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains(big + ": rejected: 413 Request body too large: the request body exceeds the limit of " + BODY_LIMIT
                + " bytes once decompressed (it came with Content-Encoding: gzip)");
    }

    @Test
    void aWrongTokenAndAMissingFileAreFailuresNamedPerFile() throws IOException {
        Path file = auditedReport("r.json");
        Path wrong = Files.writeString(dir.resolve("wrong-token"), "not-a-token\n");
        Cli r = Cli.run("submit", "--server", kernel.uri().toString(), "--token-file", wrong.toString(), file.toString(),
                dir.resolve("absent.json").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains(file + ": failed: the kernel refused the token: 401")
                .contains("absent.json: failed: no such file");
        assertThat(r.out() + r.err()).doesNotContain("not-a-token");
    }

    @Test
    void withoutATokenItIsAUsageError() {
        Cli r = Cli.run("submit", "--server", kernel.uri().toString(), "x.json");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("no token", "--token-file");
    }

    @Test
    void auditSubmitPrintsTheKernelsAnswerAfterWritingTheFiles() throws IOException {
        Cli r = Cli.run("audit", "--replay", ReplayAudits.folder("linux-neglected").toString(), "--report-dir", dir.toString(),
                "--fail-on", "never", "--submit", kernel.uri().toString(), "--token-file", tokenFile.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("JSON report: ").containsPattern("Kernel: stored \\(report [0-9a-f-]{36}, host \\S+\\): score \\d+, ");
        assertThat(r.out().indexOf("JSON report: ")).isLessThan(r.out().indexOf("Kernel: "));
    }

    @Test
    void auditSubmitToAnUnreachableKernelSaysSoWritesTheFilesAndExits1() throws IOException {
        String down = "http://127.0.0.1:" + KernelProcess.freePort();
        Cli r = Cli.run("audit", "--replay", ReplayAudits.folder("linux-hardened").toString(), "--report-dir", dir.toString(),
                "--fail-on", "never", "--submit", down, "--token-file", tokenFile.toString());
        assertThat(r.out()).contains("Kernel: failed: cannot connect to " + down);
        assertThat(r.exitCode()).as("the audit itself passes (--fail-on never); the failed submit makes it 1").isEqualTo(1);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("the report files are written all the same")
                    .anyMatch(n -> n.startsWith("vigil-report-") && n.endsWith(".json"));
        }
    }

    @Test
    void auditSubmitWithJsonOnStdoutKeepsTheAnswerOffStdout() {
        Cli r = Cli.run("audit", "--replay", ReplayAudits.folder("linux-hardened").toString(), "--format", "json",
                "--fail-on", "never", "--submit", kernel.uri().toString(), "--token-file", tokenFile.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(ReportCodec.instance().read(r.out()).findings()).isNotEmpty();
        assertThat(r.err()).contains("Kernel: stored");
    }
}
