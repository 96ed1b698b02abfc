package dev.vigil.dist;

import dev.vigil.core.testing.ReportSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The full bundle: the agent's audit, and the kernel on the bundle's own runtime. */
class FullBundleTest {

    @Test
    void theKernelRunsOnTheBundledRuntimeAndTakesTheBundlesOwnReport(@TempDir Path tmp)
            throws IOException, URISyntaxException {
        Bundle full = Bundle.unpack(Bundle.fullName(), tmp.resolve("un packed"));
        Bundle.Result audit = full.vigil(tmp, Map.of(), "audit", "--format", "json", "--output", "report.json",
                "--fail-on", "never");
        assertThat(audit.exit()).as(audit.toString()).isZero();
        assertThat(ReportSchema.violations(Files.readString(tmp.resolve("report.json")))).isEmpty();

        Path testClasses = Path.of(KernelSmoke.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String java = full.root().resolve("lib/runtime/bin/java").toString();
        String classPath = testClasses + File.pathSeparator + full.root().resolve("lib/app/vigil-cli.jar");
        Bundle.Result kernel = Bundle.run(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", classPath,
                KernelSmoke.class.getName(), tmp.resolve("data").toString(), tmp.resolve("report.json").toString()),
                tmp, Map.of());

        assertThat(kernel.exit()).as(kernel.toString()).isZero();
        assertThat(kernel.stdout()).contains("ingest 20").contains("summary 200");
    }
}
