package dev.vigil.server.http;

import dev.vigil.server.TlsConfig;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel's certificate and private key, from PEM files or a PKCS#12 keystore, as the server side of Jetty's
 * TLS. PEM keys may be PKCS#8, PKCS#1 RSA or SEC1 EC (with its curve named), unencrypted; they are checked against
 * the certificate and put into an in-memory PKCS#12 keystore. Every failure is an {@link IllegalArgumentException}
 * that names the file and what is wrong with it, for the kernel to refuse to start with.
 */
final class TlsKeys {

    static final String ACCEPTED_KEYS = "accepted: an unencrypted PKCS#8 key (BEGIN PRIVATE KEY), a PKCS#1 RSA key"
            + " (BEGIN RSA PRIVATE KEY) or a SEC1 EC key (BEGIN EC PRIVATE KEY)";

    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final byte[] RSA_ENCRYPTION = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D,
            0x01, 0x01, 0x01};
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};
    private static final byte[] DER_NULL = {0x05, 0x00};
    /** Protects the in-memory keystore only; it is never written anywhere. */
    private static final String MEMORY_PASSWORD = "in-memory";
    private static final String ALIAS = "vigil";

    private TlsKeys() {
    }

    /** Jetty's server-side TLS for this certificate and key; throws IllegalArgumentException naming a bad file. */
    static SslContextFactory.Server contextFactory(TlsConfig tls) {
        SslContextFactory.Server f = new SslContextFactory.Server();
        switch (tls) {
            case TlsConfig.Pem pem -> {
                f.setKeyStore(pem(pem));
                f.setKeyStorePassword(MEMORY_PASSWORD);
            }
            case TlsConfig.Pkcs12 p12 -> {
                f.setKeyStore(pkcs12(p12));
                f.setKeyStorePassword(p12.password());
            }
        }
        return f;
    }

    static KeyStore pem(TlsConfig.Pem pem) {
        List<Certificate> chain = certificates(pem.certificateChain());
        PrivateKey key = privateKey(pem.privateKey());
        if (!belong(key, chain.getFirst())) {
            throw fail(pem.privateKey(), "private key", "does not belong to the first certificate in "
                    + pem.certificateChain() + " (its public key does not verify the private key's signature)");
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, key, MEMORY_PASSWORD.toCharArray(), chain.toArray(Certificate[]::new));
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw fail(pem.privateKey(), "private key", "cannot be kept with its certificate: " + e.getMessage());
        }
    }

    static List<Certificate> certificates(Path file) {
        byte[] bytes = read(file, "certificate chain");
        List<Certificate> chain;
        try {
            chain = new ArrayList<>(CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes)));
        } catch (CertificateException e) {
            throw fail(file, "certificate chain", "is not a PEM certificate chain (BEGIN CERTIFICATE): " + e.getMessage());
        }
        if (chain.isEmpty()) {
            throw fail(file, "certificate chain", "holds no certificate (expected BEGIN CERTIFICATE blocks)");
        }
        return Collections.unmodifiableList(chain);
    }

    static PrivateKey privateKey(Path file) {
        String text = new String(read(file, "private key"), StandardCharsets.ISO_8859_1);
        Matcher m = PEM_BLOCK.matcher(text);
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            String type = m.group(1);
            if (!type.endsWith("PRIVATE KEY")) {
                seen.add(type); // e.g. EC PARAMETERS before the key, as openssl ecparam -genkey writes
                continue;
            }
            if (type.startsWith("ENCRYPTED") || m.group(2).contains("ENCRYPTED")) {
                throw fail(file, "private key", "is encrypted; decrypt it first (e.g. openssl pkcs8 -topk8 -nocrypt)"
                        + "; " + ACCEPTED_KEYS);
            }
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(2).strip());
            } catch (IllegalArgumentException e) {
                throw fail(file, "private key", "has a " + type + " block that is not valid base64");
            }
            return decode(file, type, der);
        }
        throw fail(file, "private key", "holds no private key" + (seen.isEmpty() ? "" : " (found " + seen + ")")
                + "; " + ACCEPTED_KEYS);
    }

    private static PrivateKey decode(Path file, String type, byte[] der) {
        byte[] pkcs8;
        try {
            pkcs8 = switch (type) {
                case "PRIVATE KEY" -> der;
                case "RSA PRIVATE KEY" -> pkcs8(RSA_ENCRYPTION, DER_NULL, der);
                case "EC PRIVATE KEY" -> pkcs8(EC_PUBLIC_KEY, curve(file, der), der);
                default -> throw fail(file, "private key", "holds a " + type + "; " + ACCEPTED_KEYS);
            };
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith("TLS ")) {
                throw e;
            }
            throw fail(file, "private key", "has a " + type + " block that is not valid DER: " + e.getMessage());
        }
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw fail(file, "private key", "has a " + type + " block that cannot be read as an RSA, EC or EdDSA key"
                + " (damaged, or of an algorithm this JDK lacks)");
    }

    /** PrivateKeyInfo (RFC 5208) around a PKCS#1 or SEC1 key: version 0, the algorithm, the key as an octet string. */
    private static byte[] pkcs8(byte[] algorithm, byte[] parameters, byte[] key) {
        return Der.tlv(Der.SEQUENCE, Der.tlv(Der.INTEGER, new byte[] {0}), Der.tlv(Der.SEQUENCE, algorithm, parameters),
                Der.tlv(Der.OCTET_STRING, key));
    }

    /** The named curve of a SEC1 ECPrivateKey: its optional [0] parameters, which PKCS#8 needs beside the key. */
    private static byte[] curve(Path file, byte[] sec1) {
        for (Der.Element e : Der.sequence(sec1)) {
            if (e.tag() == Der.CONTEXT_0) {
                return e.value();
            }
        }
        throw fail(file, "private key", "is a SEC1 EC key without its curve; convert it to PKCS#8 (openssl pkcs8"
                + " -topk8 -nocrypt)");
    }

    private static boolean belong(PrivateKey key, Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
            default -> null;
        };
        if (algorithm == null) {
            return true; // nothing cheap to compare with; the TLS handshake will tell
        }
        try {
            byte[] probe = "vigil key check".getBytes(StandardCharsets.US_ASCII);
            Signature sign = Signature.getInstance(algorithm);
            sign.initSign(key);
            sign.update(probe);
            byte[] signature = sign.sign();
            Signature verify = Signature.getInstance(algorithm);
            verify.initVerify(certificate.getPublicKey());
            verify.update(probe);
            return verify.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static KeyStore pkcs12(TlsConfig.Pkcs12 p12) {
        Path file = p12.keystore();
        byte[] bytes = read(file, "PKCS#12 keystore");
        char[] password = p12.password().toCharArray();
        KeyStore ks;
        try {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(bytes), password);
        } catch (IOException e) {
            String why = e.getCause() instanceof UnrecoverableKeyException ? "the password is wrong"
                    : "it is not a PKCS#12 keystore or the password is wrong (" + e.getMessage() + ")";
            throw fail(file, "PKCS#12 keystore", "cannot be opened: " + why);
        } catch (GeneralSecurityException e) {
            throw fail(file, "PKCS#12 keystore", "cannot be opened: " + e.getMessage());
        }
        try {
            List<String> keys = new ArrayList<>();
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    keys.add(alias);
                }
            }
            if (keys.size() != 1) {
                throw fail(file, "PKCS#12 keystore", "holds " + keys.size() + " private keys " + keys
                        + "; it must hold exactly one, with its certificate chain");
            }
            ks.getKey(keys.getFirst(), password);
            return ks;
        } catch (UnrecoverableKeyException e) {
            throw fail(file, "PKCS#12 keystore", "has a key whose password differs from the keystore's");
        } catch (GeneralSecurityException e) {
            throw fail(file, "PKCS#12 keystore", "cannot be read: " + e.getMessage());
        }
    }

    private static byte[] read(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw fail(file, what, "does not exist");
        } catch (AccessDeniedException e) {
            throw fail(file, what, "is not readable (permission denied)");
        } catch (IOException e) {
            throw fail(file, what, "cannot be read: " + e.getMessage());
        }
    }

    private static IllegalArgumentException fail(Path file, String what, String problem) {
        return new IllegalArgumentException("TLS " + what + " " + file + " " + problem);
    }
}
