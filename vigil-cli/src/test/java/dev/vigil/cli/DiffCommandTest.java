package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.json.ReportCodec;
import dev.vigil.core.report.Status;
import dev.vigil.core.testing.Reports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {

    @TempDir
    Path dir;

    private Path write(String name, Map<String, Status> statuses) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, ReportCodec.instance().write(Reports.withStatuses(statuses)));
        return p;
    }

    @Test
    void showsRegressionsFixesAndNewControlsAsText() throws IOException {
        Path a = write("a.json", Map.of("firewall.enabled", Status.PASS, "kernel.aslr", Status.FAIL, "old.control", Status.PASS));
        Path b = write("b.json", Map.of("firewall.enabled", Status.FAIL, "kernel.aslr", Status.PASS, "new.control", Status.WARN));
        Cli r = Cli.run("diff", a.toString(), b.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Regressions (1)", "firewall.enabled", "PASS", "FAIL", "Fixes (1)", "kernel.aslr",
                "New controls (1)", "new.control", "Removed controls (1)", "old.control");
    }

    @Test
    void failOnRegressionExitsOne() throws IOException {
        Path a = write("a.json", Map.of("firewall.enabled", Status.PASS));
        Path b = write("b.json", Map.of("firewall.enabled", Status.WARN));
        assertThat(Cli.run("diff", "--fail-on-regression", a.toString(), b.toString()).exitCode()).isEqualTo(1);
        assertThat(Cli.run("diff", "--fail-on-regression", a.toString(), a.toString()).exitCode()).isZero();
    }

    @Test
    void jsonListsTheChanges() throws IOException {
        Path a = write("a.json", Map.of("firewall.enabled", Status.PASS));
        Path b = write("b.json", Map.of("firewall.enabled", Status.FAIL));
        Cli r = Cli.run("diff", "--format", "json", a.toString(), b.toString());
        var tree = ReportCodec.instance().tree(r.out());
        assertThat(tree.get("regressions").get(0).get("control").asText()).isEqualTo("firewall.enabled");
        assertThat(tree.get("regressions").get(0).get("from").asText()).isEqualTo("PASS");
    }

    @Test
    void aFileThatIsNotAReportIsAUsageErrorNamingTheProblem() throws IOException {
        Path a = write("a.json", Map.of("firewall.enabled", Status.PASS));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"schema\": \"vigil.report/1\"}");
        Cli r = Cli.run("diff", a.toString(), bad.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bad.json is not a Vigil report");
        Cli missing = Cli.run("diff", a.toString(), dir.resolve("none.json").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
    }
}
