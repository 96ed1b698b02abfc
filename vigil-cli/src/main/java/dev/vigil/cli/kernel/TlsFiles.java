package dev.vigil.cli.kernel;

import dev.vigil.cli.UsageException;
import dev.vigil.server.TlsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collections;
import java.util.Optional;

/**
 * The TLS options, checked before the kernel starts so that a wrong file gets one line naming the option and the
 * file: both PEM files or a keystore, never both; files readable; the certificate parses; the keystore opens with
 * its password and holds a key.
 */
final class TlsFiles {

    static final String PASSWORD_ENV = "VIGIL_TLS_KEYSTORE_PASSWORD";

    private TlsFiles() {
    }

    static Optional<TlsConfig> from(ServeCommand c) {
        boolean pem = c.tlsCert != null || c.tlsKey != null;
        boolean p12 = c.tlsKeystore != null || c.tlsKeystorePasswordFile != null;
        if (pem && p12) {
            throw new UsageException("give either --tls-cert and --tls-key (PEM) or --tls-keystore (PKCS#12), not both");
        }
        if (pem) {
            if (c.tlsCert == null || c.tlsKey == null) {
                throw new UsageException("--tls-cert and --tls-key go together: give both PEM files");
            }
            checkCertificate(c.tlsCert);
            checkKey(c.tlsKey);
            return Optional.of(new TlsConfig.Pem(c.tlsCert, c.tlsKey));
        }
        if (p12) {
            if (c.tlsKeystore == null) {
                throw new UsageException("--tls-keystore-password-file needs --tls-keystore");
            }
            String password = password(c.tlsKeystorePasswordFile);
            checkKeystore(c.tlsKeystore, password);
            return Optional.of(new TlsConfig.Pkcs12(c.tlsKeystore, password));
        }
        return Optional.empty();
    }

    private static void checkCertificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                throw new UsageException("--tls-cert " + file + " holds no certificate");
            }
        } catch (IOException e) {
            throw new UsageException("--tls-cert " + file + ": " + why(e), e);
        } catch (CertificateException e) {
            throw new UsageException("--tls-cert " + file + " is not a PEM certificate: " + e.getMessage(), e);
        }
    }

    private static void checkKey(Path file) {
        String text = read("--tls-key", file);
        if (text.contains("ENCRYPTED PRIVATE KEY") || text.contains("Proc-Type: 4,ENCRYPTED")) {
            throw new UsageException("--tls-key " + file + " is encrypted; give the key without a passphrase"
                    + " (e.g. openssl pkey -in KEY -out PLAIN), or use a PKCS#12 keystore with a password");
        }
        if (!text.contains("PRIVATE KEY-----")) {
            throw new UsageException("--tls-key " + file + " holds no PEM private key (no '-----BEGIN ... PRIVATE KEY-----')");
        }
    }

    private static void checkKeystore(Path file, String password) {
        KeyStore keystore;
        try (InputStream in = Files.newInputStream(file)) {
            keystore = KeyStore.getInstance("PKCS12");
            keystore.load(in, password.toCharArray());
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw new UsageException("--tls-keystore " + file + ": " + why(e), e);
        } catch (IOException e) {
            throw new UsageException("--tls-keystore " + file + ": cannot open it (wrong password, or not PKCS#12?): "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new UsageException("--tls-keystore " + file + " is not a usable PKCS#12 keystore: " + e.getMessage(), e);
        }
        try {
            for (String alias : Collections.list(keystore.aliases())) {
                if (keystore.isKeyEntry(alias)) {
                    return;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new UsageException("--tls-keystore " + file + " cannot be listed: " + e.getMessage(), e);
        }
        throw new UsageException("--tls-keystore " + file + " holds no private key entry, only certificates");
    }

    /** From the password file (its last line break ignored), else the environment, else none. */
    private static String password(Path file) {
        if (file != null) {
            return read("--tls-keystore-password-file", file).replaceFirst("\\R\\z", "");
        }
        String env = System.getenv(PASSWORD_ENV);
        return env == null ? "" : env;
    }

    private static String why(IOException e) {
        return switch (e) {
            case NoSuchFileException n -> "no such file";
            case AccessDeniedException a -> "permission denied";
            default -> "cannot read it (" + e.getMessage() + ")";
        };
    }

    private static String read(String option, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException(option + " " + file + ": " + why(e), e);
        }
    }
}
