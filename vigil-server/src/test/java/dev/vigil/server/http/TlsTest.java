package dev.vigil.server.http;

import dev.vigil.server.Kernel;
import dev.vigil.server.KernelConfig;
import dev.vigil.server.TlsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * HTTPS with a self-signed certificate made by the JDK's keytool at test time, from a PKCS#12 keystore and from
 * PEM files (PKCS#8, PKCS#1 RSA, SEC1 EC keys); and a clear start-up error for each kind of bad file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTest {

    static final String PASSWORD = "test-pass";

    Path keys;
    Path rsaP12;
    Path ecP12;
    Path otherP12;

    @BeforeAll
    void makeCertificates(@TempDir Path dir) throws Exception {
        keys = dir;
        rsaP12 = keytool("rsa", "-keyalg", "RSA", "-keysize", "2048");
        ecP12 = keytool("ec", "-keyalg", "EC", "-groupname", "secp256r1");
        otherP12 = keytool("other", "-keyalg", "RSA", "-keysize", "2048");
    }

    /** A self-signed certificate for localhost and 127.0.0.1 in a new PKCS#12 keystore. */
    Path keytool(String name, String... algorithm) throws Exception {
        Path p12 = keys.resolve(name + ".p12");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "vigil", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD));
        cmd.addAll(List.of(algorithm));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return p12;
    }

    static KeyStore load(Path p12) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    static PrivateKey key(Path p12) throws Exception {
        return (PrivateKey) load(p12).getKey("vigil", PASSWORD.toCharArray());
    }

    Path certificatePem(Path p12) throws Exception {
        Path pem = keys.resolve(p12.getFileName() + ".crt.pem");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-exportcert", "-rfc", "-alias", "vigil", "-keystore", p12.toString(), "-storepass", PASSWORD,
                "-file", pem.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return pem;
    }

    Path pem(String name, String type, byte[] der) throws IOException {
        Path file = keys.resolve(name);
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
        return file;
    }

    /** The key inside a PKCS#8 PrivateKeyInfo: PKCS#1 for RSA, SEC1 for EC. */
    static byte[] inner(byte[] pkcs8) {
        return Der.sequence(pkcs8).get(2).value();
    }

    /** A SEC1 ECPrivateKey naming its curve in [0], as openssl writes it. */
    static byte[] sec1WithCurve(byte[] pkcs8) {
        List<Der.Element> info = Der.sequence(pkcs8);
        byte[] curve = Der.encode(Der.sequence(Der.encode(info.get(1))).get(1));
        List<Der.Element> sec1 = Der.sequence(info.get(2).value());
        List<byte[]> parts = new ArrayList<>();
        parts.add(Der.encode(sec1.get(0)));
        parts.add(Der.encode(sec1.get(1)));
        parts.add(Der.tlv(Der.CONTEXT_0, curve));
        sec1.stream().skip(2).filter(e -> e.tag() != Der.CONTEXT_0).forEach(e -> parts.add(Der.encode(e)));
        return Der.tlv(Der.SEQUENCE, parts.toArray(byte[][]::new));
    }

    /** Starts a kernel with this TLS source, asks for /healthz over HTTPS trusting {@code trusted}, stops it. */
    void servesHttps(TlsConfig tls, Path trusted, Path data) throws Exception {
        try (Kernel kernel = Kernel.start(KernelConfig.defaults(data).withPort(0).withTls(Optional.of(tls)))) {
            URI uri = kernel.uri();
            assertThat(uri.getScheme()).isEqualTo("https");
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(load(trusted).getCertificate("vigil"))).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri.resolve("/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"ok\"");
            assertThat(r.sslSession()).isPresent();

            HttpClient untrusting = HttpClient.newHttpClient();
            assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(uri.resolve("/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        }
    }

    static SSLContext trusting(Certificate certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }

    @Test
    void servesHttpsFromAPkcs12Keystore(@TempDir Path data) throws Exception {
        servesHttps(new TlsConfig.Pkcs12(rsaP12, PASSWORD), rsaP12, data);
    }

    @Test
    void servesHttpsFromPemWithAPkcs8Key(@TempDir Path data) throws Exception {
        Path key = pem("rsa-pkcs8.key", "PRIVATE KEY", key(rsaP12).getEncoded());
        servesHttps(new TlsConfig.Pem(certificatePem(rsaP12), key), rsaP12, data);
    }

    @Test
    void servesHttpsFromPemWithAPkcs1RsaKey(@TempDir Path data) throws Exception {
        Path key = pem("rsa-pkcs1.key", "RSA PRIVATE KEY", inner(key(rsaP12).getEncoded()));
        servesHttps(new TlsConfig.Pem(certificatePem(rsaP12), key), rsaP12, data);
    }

    @Test
    void servesHttpsFromPemWithASec1EcKeyAfterItsParameters(@TempDir Path data) throws Exception {
        Path key = keys.resolve("ec-sec1.key");
        // openssl ecparam -genkey writes the curve parameters first
        Files.writeString(key, "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
                + Files.readString(pem("ec-sec1-only.key", "EC PRIVATE KEY", sec1WithCurve(key(ecP12).getEncoded()))));
        servesHttps(new TlsConfig.Pem(certificatePem(ecP12), key), ecP12, data);
    }

    void refusesToStart(TlsConfig tls, Path data, String... messageParts) {
        assertThatThrownBy(() -> Kernel.start(KernelConfig.defaults(data).withPort(0).withTls(Optional.of(tls))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll(messageParts);
    }

    @Test
    void aMissingFileNamesIt(@TempDir Path data) throws Exception {
        Path missing = keys.resolve("nope.pem");
        refusesToStart(new TlsConfig.Pem(missing, missing), data, missing.toString(), "does not exist");
        refusesToStart(new TlsConfig.Pkcs12(missing, PASSWORD), data, missing.toString(), "does not exist");
    }

    @Test
    void aCertificateFileWithoutCertificatesIsRefused(@TempDir Path data) throws Exception {
        Path garbage = keys.resolve("garbage.crt");
        Files.writeString(garbage, "not a certificate\n");
        Path key = pem("for-garbage.key", "PRIVATE KEY", key(rsaP12).getEncoded());
        refusesToStart(new TlsConfig.Pem(garbage, key), data, "certificate chain", garbage.toString());
    }

    @Test
    void aKeyFileWithoutAKeyNamesTheAcceptedFormats(@TempDir Path data) throws Exception {
        Path cert = certificatePem(rsaP12);
        refusesToStart(new TlsConfig.Pem(cert, cert), data, "private key " + cert, "holds no private key",
                "CERTIFICATE", "PKCS#8", "PKCS#1", "SEC1");
    }

    @Test
    void anEncryptedKeyIsRefusedWithHowToDecryptIt(@TempDir Path data) throws Exception {
        Path key = pem("encrypted.key", "ENCRYPTED PRIVATE KEY", new byte[] {0x30, 0x00});
        refusesToStart(new TlsConfig.Pem(certificatePem(rsaP12), key), data, key.toString(), "is encrypted",
                "openssl pkcs8");
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused(@TempDir Path data) throws Exception {
        Path key = pem("other.key", "PRIVATE KEY", key(otherP12).getEncoded());
        refusesToStart(new TlsConfig.Pem(certificatePem(rsaP12), key), data, key.toString(), "does not belong");
    }

    @Test
    void aDamagedKeyIsRefused(@TempDir Path data) throws Exception {
        Path key = pem("damaged.key", "RSA PRIVATE KEY", new byte[] {0x30, 0x05, 0x02, 0x01});
        refusesToStart(new TlsConfig.Pem(certificatePem(rsaP12), key), data, key.toString(), "cannot be read as an RSA, EC or EdDSA key");
    }

    @Test
    void aSec1KeyWithoutItsCurveIsRefused(@TempDir Path data) throws Exception {
        Path key = pem("ec-no-curve.key", "EC PRIVATE KEY", inner(key(ecP12).getEncoded()));
        refusesToStart(new TlsConfig.Pem(certificatePem(ecP12), key), data, key.toString(), "without its curve");
    }

    @Test
    void aWrongKeystorePasswordIsRefused(@TempDir Path data) {
        refusesToStart(new TlsConfig.Pkcs12(rsaP12, "wrong"), data, rsaP12.toString(), "password is wrong");
    }
}
