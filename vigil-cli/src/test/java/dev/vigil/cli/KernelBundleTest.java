package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent-only bundle (no vigil-server, Jetty or SQLite on the class path) still audits, and its kernel commands
 * say plainly that the kernel is missing; the full bundle's audit loads no kernel class at all.
 */
class KernelBundleTest {

    private static final Predicate<String> KERNEL_JARS =
            e -> e.contains("vigil-server") || e.contains("jetty") || e.contains("sqlite-jdbc") || e.contains("slf4j");

    @Test
    void withoutTheKernelServeSeedTokenAndListDataSayUseTheFullBundle(@TempDir Path tmp) {
        List<String> agentOnly = VigilProcess.classPathWithout(KERNEL_JARS);
        assertThat(agentOnly).hasSizeLessThan(VigilProcess.classPath().size());
        String data = tmp.resolve("data").toString();
        for (String[] args : List.of(new String[] {"serve", "--port", "0", "--data", data},
                new String[] {"seed", "--data", data},
                new String[] {"token", "create", "--scope", "admin", "--data", data},
                new String[] {"list", "--data", data})) {
            Cli r = VigilProcess.run(agentOnly, List.of(), args);
            assertThat(r.exitCode()).as(args[0]).isEqualTo(2);
            assertThat(r.err()).as(args[0]).contains("this bundle has no kernel", "use the full Vigil bundle")
                    .doesNotContain("Exception", "\tat ");
        }
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    void withoutTheKernelAnAuditStillRuns(@TempDir Path tmp) {
        Path report = tmp.resolve("r.json");
        Cli r = VigilProcess.run(VigilProcess.classPathWithout(KERNEL_JARS), List.of(), "audit", "--replay",
                ReplayAudits.folder("linux-neglected").toString(), "--format", "json", "--output", report.toString(),
                "--fail-on", "never");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(report).isNotEmptyFile();
    }

    @Test
    void anAuditLoadsNoKernelJettyOrSqliteClass(@TempDir Path tmp) throws IOException {
        Path log = tmp.resolve("classes.log");
        Cli r = VigilProcess.run(VigilProcess.classPath(), List.of("-Xlog:class+load=info:file=" + log), "audit",
                "--replay", ReplayAudits.folder("linux-neglected").toString(), "--format", "json", "--output",
                tmp.resolve("r.json").toString(), "--fail-on", "never");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> loaded = Files.readAllLines(log);
        assertThat(loaded).anyMatch(l -> l.contains("dev.vigil.cli.AuditCommand"));
        assertThat(loaded).noneMatch(l -> l.contains("dev.vigil.server.") || l.contains("org.eclipse.jetty.")
                || l.contains("org.sqlite.") || l.contains("org.slf4j."));
    }
}
