package dev.vigil.agent.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelClientTest {

    static final String PROBLEM = "{\"type\":\"/problems/unknown-control\",\"title\":\"Bad request\",\"status\":400,"
            + "\"detail\":\"findings[2].control: control 'made.up' is not in the catalog\",\"field\":\"findings[2].control\"}";

    @TempDir
    Path dir;

    final KernelClient client = KernelClient.connect(KernelSettings.of(URI.create("http://127.0.0.1:9"), "t0ken"));

    @Test
    void sortsEveryStatusIntoWhatTheAgentMustDo() {
        record Case(int status, String body, Class<? extends Answer> expected, String why) {
        }
        for (Case c : List.of(
                new Case(201, FakeKernel.receipt("r1"), Answer.Accepted.class, "stored"),
                new Case(200, FakeKernel.receipt("r1"), Answer.Accepted.class, "a retry of a stored report"),
                new Case(200, "<html>welcome to the hotel wifi</html>", Answer.Unavailable.class, "2xx without a receipt is not an acknowledgement"),
                new Case(400, PROBLEM, Answer.Rejected.class, "invalid report"),
                new Case(413, "{\"title\":\"Request body too large\",\"status\":413,\"detail\":\"exceeds 2097152 bytes\"}", Answer.Rejected.class, "too large"),
                new Case(422, "", Answer.Rejected.class, "unprocessable"),
                new Case(401, "{\"title\":\"Unauthorized\",\"detail\":\"unknown token\"}", Answer.Refused.class, "token, not report"),
                new Case(403, "", Answer.Refused.class, "scope, not report"),
                new Case(404, "", Answer.Refused.class, "wrong URL, not report"),
                new Case(301, "", Answer.Refused.class, "redirect"),
                new Case(408, "", Answer.Unavailable.class, "request timeout"),
                new Case(429, "", Answer.Unavailable.class, "slow down"),
                new Case(500, "", Answer.Unavailable.class, "server error"),
                new Case(502, "<html>bad gateway</html>", Answer.Unavailable.class, "proxy"),
                new Case(503, "", Answer.Unavailable.class, "unavailable"))) {
            assertThat(client.interpret(c.status, c.body, Optional.empty())).as(c.why).isInstanceOf(c.expected);
        }
    }

    @Test
    void readsTheReceiptAndTheRegressions() {
        Answer a = client.interpret(201, FakeKernel.receipt("r1"), Optional.empty());
        assertThat(a).isEqualTo(new Answer.Accepted(false, new Receipt("r1", "h1", 87,
                List.of(new Receipt.Regression("firewall.enabled", "Firewall", "PASS", "FAIL", "off")))));
        assertThat(((Answer.Accepted) a).receipt().describe()).isEqualTo("score 87, 1 regression: firewall.enabled PASS -> FAIL");
        assertThat(new Receipt("r", "h", 100, List.of()).describe()).isEqualTo("score 100, no regressions");
    }

    @Test
    void aRejectionCarriesTheKernelsProblemMessage() {
        Answer.Rejected r = (Answer.Rejected) client.interpret(400, PROBLEM, Optional.empty());
        assertThat(r.problem().message()).isEqualTo("400 Bad request: findings[2].control: control 'made.up' is not in the catalog");
        assertThat(r.problem().body()).isEqualTo(PROBLEM);
        Answer.Rejected plain = (Answer.Rejected) client.interpret(400, "  no\n  such\tthing ", Optional.empty());
        assertThat(plain.problem().message()).isEqualTo("400 Bad request: no such thing");
    }

    @Test
    void retryAfterOf503And429IsPassedOn() {
        Answer.Unavailable u = (Answer.Unavailable) client.interpret(503, "", Optional.of("7"));
        assertThat(u.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(((Answer.Unavailable) client.interpret(429, "", Optional.of("2"))).retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void sendsTheReportGzippedWithTheBearerTokenToTheIngestPath() {
        AtomicReference<String> seen = new AtomicReference<>();
        try (FakeKernel k = FakeKernel.http(ex -> {
            seen.set(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + ex.getRequestHeaders().getFirst("Authorization")
                    + " " + ex.getRequestHeaders().getFirst("Content-Encoding") + " "
                    + new String(new GZIPInputStream(ex.getRequestBody()).readAllBytes(), StandardCharsets.UTF_8));
            FakeKernel.answer(ex, 201, "application/json", FakeKernel.receipt("r1"));
        }); KernelClient c = KernelClient.connect(KernelSettings.of(URI.create(k.uri() + "/vigil"), "s3cret"))) {
            assertThat(c.send("{\"report\":1}".getBytes(StandardCharsets.UTF_8))).isInstanceOf(Answer.Accepted.class);
        }
        assertThat(seen.get()).isEqualTo("POST /vigil/api/v1/reports Bearer s3cret gzip {\"report\":1}");
    }

    @Test
    void noAnswerWithinTheRequestTimeoutIsUnavailable() {
        try (FakeKernel k = FakeKernel.http(ex -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            FakeKernel.answer(ex, 201, "application/json", FakeKernel.receipt("r1"));
        }); KernelClient c = KernelClient.connect(new KernelSettings(k.uri(), "t", Optional.empty(), false,
                Duration.ofSeconds(2), Duration.ofMillis(300)))) {
            Answer a = c.send(new byte[] {'{', '}'});
            assertThat(a).isInstanceOf(Answer.Unavailable.class);
            assertThat(((Answer.Unavailable) a).reason()).contains("no answer", "300 ms");
        }
    }

    @Test
    void nothingListeningIsUnavailableNamingTheServer() {
        Answer a = client.send(new byte[] {'{', '}'});
        assertThat(a).isInstanceOf(Answer.Unavailable.class);
        assertThat(((Answer.Unavailable) a).reason()).contains("http://127.0.0.1:9");
    }

    @Test
    void tlsTrustsThePrivateCaGivenAndNothingElseUnlessInsecure() throws Exception {
        Path keystore = dir.resolve("kernel.p12");
        Path pem = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "kernel", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-storetype", "PKCS12");
        keytool("-exportcert", "-rfc", "-alias", "kernel", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", pem.toString());
        try (FakeKernel k = FakeKernel.https(serverTls(keystore), ex -> FakeKernel.answer(ex, 201, "application/json", FakeKernel.receipt("r1")))) {
            KernelSettings plain = KernelSettings.of(k.uri(), "t");
            try (KernelClient c = KernelClient.connect(plain)) {
                Answer a = c.send(new byte[] {'{', '}'});
                assertThat(a).as("a self-signed kernel is not trusted by default").isInstanceOf(Answer.Refused.class);
                assertThat(((Answer.Refused) a).reason()).contains("--ca-cert");
            }
            try (KernelClient c = KernelClient.connect(new KernelSettings(k.uri(), "t", Optional.of(pem), false,
                    plain.connectTimeout(), plain.requestTimeout()))) {
                assertThat(c.send(new byte[] {'{', '}'})).isInstanceOf(Answer.Accepted.class);
            }
            try (KernelClient c = KernelClient.connect(new KernelSettings(k.uri(), "t", Optional.empty(), true,
                    plain.connectTimeout(), plain.requestTimeout()))) {
                assertThat(c.send(new byte[] {'{', '}'})).isInstanceOf(Answer.Accepted.class);
            }
        }
    }

    @Test
    void aCaFileWithoutCertificatesIsRefusedUpFront() throws IOException {
        Path bogus = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        KernelSettings s = new KernelSettings(URI.create("https://localhost:1"), "t", Optional.of(bogus), false,
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThatThrownBy(() -> KernelClient.connect(s)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ca.pem");
        KernelSettings missing = new KernelSettings(URI.create("https://localhost:1"), "t", Optional.of(dir.resolve("nope.pem")), false,
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThatThrownBy(() -> KernelClient.connect(missing)).hasMessageContaining("no such file");
    }

    @Test
    void settingsRefuseUnusableUrlsAndNeverPrintTheToken() {
        assertThatThrownBy(() -> KernelSettings.of(URI.create("ftp://x"), "t")).hasMessageContaining("http://");
        assertThatThrownBy(() -> KernelSettings.of(URI.create("http:///nohost"), "t")).hasMessageContaining("no host");
        assertThatThrownBy(() -> KernelSettings.of(URI.create("http://x"), "two words")).hasMessageContaining("token");
        assertThat(KernelSettings.of(URI.create("http://x"), "s3cret").toString()).doesNotContain("s3cret");
        assertThat(KernelSettings.of(URI.create("http://kernel.example"), "t").sendsTokenInClear()).isTrue();
        assertThat(KernelSettings.of(URI.create("http://127.0.0.1:8080"), "t").sendsTokenInClear()).isFalse();
        assertThat(KernelSettings.of(URI.create("https://kernel.example"), "t").sendsTokenInClear()).isFalse();
    }

    private static SSLContext serverTls(Path keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }
}
