package dev.vigil.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.testing.ReportSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent bundle, unpacked into a folder with a space in its path and run where no Java is installed. */
class AgentBundleTest {

    @TempDir
    static Path tmp;

    static Bundle agent;

    @BeforeAll
    static void unpack() {
        agent = Bundle.unpack(Bundle.agentName(), tmp.resolve("un packed"));
    }

    @Test
    void auditFromAnotherFolderWritesAReportThatMatchesTheSchema(@TempDir Path work) throws IOException {
        Bundle.Result r = agent.vigil(work, Map.of(), "audit", "--format", "json", "--output", "report.json",
                "--fail-on", "never");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(ReportSchema.violations(Files.readString(work.resolve("report.json")))).isEmpty();
    }

    @Test
    void theArchiveStaysWithinTheTwentyFiveMegabyteBudget() throws IOException {
        assertThat(Files.size(Bundle.archive(Bundle.agentName()))).isLessThanOrEqualTo(25_000_000L);
    }

    @Test
    void theRuntimesClassDataArchiveServesTheJdkWhereverTheBundleIsUnpacked(@TempDir Path work) {
        // -Xshare:on makes an archive the JVM cannot map an error instead of a silent slow start
        assertThat(agent.classLoading(work, "-Xshare:on", "java.lang.Object")).singleElement().asString()
                .contains("source: shared objects file");
    }

    @Test
    void serveRunsWithTheKernelsJvmOptionsEveryOtherCommandWithTheFastStartOnes(@TempDir Path work) {
        JvmOptions options = JvmOptions.read();
        Map<String, String> printFlags = Map.of("VIGIL_JAVA_OPTS", "-XX:+PrintCommandLineFlags");

        String serve = agent.vigil(work, printFlags, "serve").stdout().lines().findFirst().orElse("");
        String version = agent.vigil(work, printFlags, "--version").stdout().lines().findFirst().orElse("");

        assertThat(serve).contains(options.serve()).doesNotContain("-XX:AOTCache=");
        assertThat(options.fast()).noneSatisfy(fast -> assertThat(serve).contains(fast));
        assertThat(version).contains(options.fast()).doesNotContain("-XX:AOTCache=");
        assertThat(options.serve()).noneSatisfy(kernel -> assertThat(version).contains(kernel));
    }

    @Test
    void serveSaysThisBundleHasNoKernelAndExits2(@TempDir Path work) {
        Bundle.Result r = agent.vigil(work, Map.of(), "serve", "--port", "0", "--data", work.resolve("d").toString());

        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).contains("this bundle has no kernel");
        assertThat(work.resolve("d")).doesNotExist();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theLauncherFindsItsBundleThroughASymlinkOnThePath(@TempDir Path work) throws IOException {
        Path links = Files.createDirectories(work.resolve("my tools"));
        Files.createSymbolicLink(links.resolve("vigil"), agent.launcherPath());

        Bundle.Result r = Bundle.run(List.of(links.resolve("vigil").toString(), "--version"), work, Map.of());

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).startsWith("vigil ");
    }

    @Test
    void theAgentBundleLeavesTheKernelOut() throws IOException {
        try (Stream<Path> jars = Files.list(agent.root().resolve("lib/app/lib"))) {
            assertThat(jars.map(p -> p.getFileName().toString()))
                    .isNotEmpty()
                    .noneMatch(n -> n.startsWith("vigil-server") || n.startsWith("jetty-")
                            || n.startsWith("sqlite-jdbc") || n.startsWith("slf4j-")
                            || n.startsWith("jackson-dataformat-yaml") || n.startsWith("snakeyaml"));
        }
        String release = Files.readString(agent.root().resolve("lib/runtime/release"));
        assertThat(release).contains("java.net.http").doesNotContain("java.sql");
        if (OS.current() == OS.MAC) {
            assertThat(release).as("the macOS checks read property lists").contains("java.xml");
        } else {
            assertThat(release).doesNotContain("java.xml");
        }
    }

    @Test
    void theJarsAreStoredSoTheArchivesCompressionCoversThemWhole() throws IOException {
        try (Stream<Path> files = Files.walk(agent.root().resolve("lib/app"))) {
            List<Path> jars = files.filter(p -> p.toString().endsWith(".jar")).toList();
            assertThat(jars).hasSizeGreaterThan(3).allSatisfy(jar -> {
                try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
                    assertThat(zip.stream().filter(e -> e.getMethod() != java.util.zip.ZipEntry.STORED)
                            .map(java.util.zip.ZipEntry::getName)).as(jar.toString()).isEmpty();
                }
            });
        }
    }

    @Test
    void aPlatformWhoseRuntimeModulesTheBundleLeavesOutGetsUnknownFindingsThatSaySo(@TempDir Path work)
            throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse(OS.current() == OS.MAC, "the macOS bundle has java.xml");
        Path recording = JvmOptions.REPO.resolve("vigil-cli/src/test/resources/replay/macos-neglected")
                .toAbsolutePath();
        Bundle.Result r = agent.vigil(work, Map.of(), "audit", "--replay", recording.toString(), "--format", "json",
                "--output", "report.json", "--fail-on", "never");

        assertThat(r.exit()).as(r.toString()).isZero();
        String report = Files.readString(work.resolve("report.json"));
        assertThat(ReportSchema.violations(report)).isEmpty();
        JsonNode updates = StreamSupport.stream(new ObjectMapper().readTree(report).path("findings").spliterator(),
                false).filter(f -> f.path("control").asText().equals("patch.pending-updates")).findFirst().orElseThrow();
        assertThat(updates.path("status").asText()).isEqualTo("UNKNOWN");
        assertThat(updates.path("detail").asText()).contains("leaves out the Java runtime's org.xml.sax");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aReadOnlyBundleRunsAndNothingIsWrittenIntoIt(@TempDir Path work) throws IOException {
        Bundle readOnly = Bundle.unpack(Bundle.agentName(), world(work.resolve("read only")));
        Path out = world(Files.createDirectories(work.resolve("out")));
        Map<Path, String> before = readOnly.snapshot();
        List<String> command = new ArrayList<>();
        if (NonRoot.available()) {
            command.addAll(NonRoot.PREFIX);
        }
        command.addAll(List.of(readOnly.launcherPath().toString(), "audit", "--format", "json", "--output",
                out.resolve("report.json").toString(), "--fail-on", "never"));
        chmodTree(readOnly.root(), "a-w");
        try {
            Bundle.Result r = Bundle.run(command, out, Map.of());

            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(ReportSchema.violations(Files.readString(out.resolve("report.json")))).isEmpty();
            assertThat(readOnly.snapshot()).isEqualTo(before);
        } finally {
            chmodTree(readOnly.root(), "u+w");
        }
    }

    /** Makes a folder, and the folders above it below the temp folder, open to everyone (for the user nobody). */
    private static Path world(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path base = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        for (Path p = dir.toAbsolutePath(); p.startsWith(base) && !p.equals(base); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        return dir;
    }

    private static void chmodTree(Path root, String mode) {
        Bundle.Result r = Bundle.run(List.of("chmod", "-R", mode, root.toString()), root.getParent(), Map.of());
        assertThat(r.exit()).as(r.toString()).isZero();
    }

    /** Running as root (who may write anywhere), the read-only case runs as the user nobody, through setpriv. */
    private static final class NonRoot {
        static final List<String> PREFIX = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "--");

        static boolean available() {
            if (!"root".equals(System.getProperty("user.name"))) {
                return false;
            }
            return Bundle.run(List.of("sh", "-c", "command -v setpriv"), Path.of("."), Map.of()).exit() == 0;
        }
    }
}
