package dev.vigil.dist;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM options have one source, packaging/jvm-options.properties: the dev launcher ./vigil reads it, and the
 * bundles' launchers are filled in from it at build time. No launcher may carry an option of its own.
 */
class LauncherOptionsTest {

    private static final Path DEV_LAUNCHER = JvmOptions.REPO.resolve("vigil");
    private static final List<Path> BUNDLE_LAUNCHERS = List.of(
            JvmOptions.REPO.resolve("vigil-dist/src/bundle/bin/vigil"),
            JvmOptions.REPO.resolve("vigil-dist/src/bundle/bin/vigil.cmd"));

    @Test
    void noLauncherSpellsOutAnOptionOfTheSharedFile() throws IOException {
        List<String> options = allOptions();
        assertThat(options).contains("--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC", "-XX:+UseSerialGC");

        for (Path launcher : concat(DEV_LAUNCHER, BUNDLE_LAUNCHERS)) {
            String text = Files.readString(launcher);
            assertThat(options).as(launcher.toString()).noneSatisfy(o -> assertThat(text).contains(o));
        }
    }

    @Test
    void theDevLauncherReadsEachSetFromTheSharedFile() throws IOException {
        assertThat(Files.readString(DEV_LAUNCHER)).contains("packaging/jvm-options.properties",
                "jvm_options common", "jvm_options fast", "jvm_options serve");
    }

    @Test
    void eachBundleLauncherHasAServeBranchWithTheKernelsOptionsAndAnotherWithTheFastOnes() throws IOException {
        for (Path launcher : BUNDLE_LAUNCHERS) {
            assertThat(Files.readString(launcher)).as(launcher.toString())
                    .contains("@jvm.serve@ @jvm.common@\"", "@jvm.fast@ @jvm.common@ -Xlog:aot=off");
        }
    }

    private static List<String> allOptions() {
        Properties p = JvmOptions.file();
        assertThat(p.stringPropertyNames()).containsExactlyInAnyOrder("jvm.common", "jvm.fast", "jvm.serve");
        return p.stringPropertyNames().stream()
                .flatMap(k -> Arrays.stream(p.getProperty(k).strip().split(" +")))
                .toList();
    }

    private static List<Path> concat(Path first, List<Path> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }
}
