package dev.vigil.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cli.Cli;
import dev.vigil.server.WarmupBudget;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vigil serve} refusing to start: one line naming the problem, exit 2, no stack trace, no store touched. */
class ServeCommandTest {

    @TempDir
    Path tmp;

    private Cli serve(String... extra) {
        List<String> args = new ArrayList<>(List.of("serve", "--data", tmp.resolve("data").toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private void assertOneLineError(Cli r, String... expected) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).contains(expected).doesNotContain("Exception", "\tat ");
        assertThat(r.out()).isEmpty();
        assertThat(tmp.resolve("data")).as("no store created").doesNotExist();
    }

    @Test
    void stopWhenReadyListensThenStopsGracefullyWithExitZero() {
        Cli r = serve("--port", "0", "--warmup", "0", "--stop-when-ready");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("vigil kernel listening on http://127.0.0.1:");
        assertThat(r.err()).contains("ready, and --stop-when-ready: stopping", "stopped");
        assertThat(tmp.resolve("data/vigil.db")).isRegularFile();
    }

    @Test
    void aPortInUseIsOneLineBeforeAnythingIsCreated() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli r = serve("--port", String.valueOf(taken.getLocalPort()));
            assertOneLineError(r, "cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void aDataFolderThatIsAFileIsOneLine() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        Cli r = Cli.run("serve", "--port", "0", "--data", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("vigil: --data " + file + " is a file, not a folder" + System.lineSeparator());
    }

    @Test
    void missingOrWrongPemFilesAreNamed() throws IOException {
        Path notACert = Files.writeString(tmp.resolve("cert.pem"), "hello");
        Path encrypted = Files.writeString(tmp.resolve("key.pem"), "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertOneLineError(serve("--port", "0", "--tls-cert", tmp.resolve("nope.pem").toString(), "--tls-key", encrypted.toString()),
                "--tls-cert " + tmp.resolve("nope.pem") + ": no such file");
        assertOneLineError(serve("--port", "0", "--tls-cert", notACert.toString(), "--tls-key", encrypted.toString()),
                "--tls-cert " + notACert + " is not a PEM certificate");
        assertOneLineError(serve("--port", "0", "--tls-cert", notACert.toString()), "--tls-cert and --tls-key go together");
    }

    @Test
    void aKeystoreWithTheWrongPasswordOrMixedWithPemIsNamed() throws Exception {
        Path p12 = tmp.resolve("kernel.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "kernel", "-keyalg", "EC", "-dname", "CN=localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", "right-password")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        Path wrong = Files.writeString(tmp.resolve("password"), "wrong-password\n");

        assertOneLineError(serve("--port", "0", "--tls-keystore", p12.toString(), "--tls-keystore-password-file", wrong.toString()),
                "--tls-keystore " + p12 + ": cannot open it (wrong password");
        assertOneLineError(serve("--port", "0", "--tls-keystore", p12.toString(), "--tls-cert", p12.toString(),
                "--tls-key", p12.toString()), "not both");
    }

    @Test
    void badValuesAreUsageErrors() {
        assertThat(serve("--cors-origin", "https://dash.example.org/path").err()).contains("is not an origin");
        assertThat(serve("--body-limit", "2 parsecs").err()).contains("'2 parsecs' is not a size");
        assertThat(serve("--port", "70000").err()).contains("port 70000 outside 0..65535");
        assertThat(serve("--stale-after", "0d").exitCode()).isEqualTo(2);
        assertThat(serve("--warmup", "soon").err()).contains("'soon' is not a duration");
        assertThat(serve("--log-level", "loud").exitCode()).isEqualTo(2);
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    void theDefaultWarmupEndsByTheStartTargetAndAGivenOneRunsInFull() {
        ServeCommand defaults = new ServeCommand();
        new CommandLine(defaults).parseArgs();
        assertThat(KernelProcess.warmupBudget(defaults.warmup)).isEqualTo(WarmupBudget.serveDefault());

        ServeCommand asked = new ServeCommand();
        new CommandLine(asked).parseArgs("--warmup", "10s");
        assertThat(KernelProcess.warmupBudget(asked.warmup)).isEqualTo(WarmupBudget.inFull(Duration.ofSeconds(10)));

        ServeCommand cold = new ServeCommand();
        new CommandLine(cold).parseArgs("--warmup", "0");
        assertThat(KernelProcess.warmupBudget(cold.warmup).length()).isZero();
    }
}
