package dev.vigil.server;

import java.nio.file.Path;
import java.util.Objects;

/** Where the kernel's TLS certificate and private key come from. */
public sealed interface TlsConfig {

    /**
     * PEM files, as most certificate tools write them.
     *
     * @param certificateChain the server certificate, then any intermediates
     * @param privateKey       the private key (PKCS#8, or PKCS#1 RSA / SEC1 EC), not encrypted
     */
    record Pem(Path certificateChain, Path privateKey) implements TlsConfig {
        public Pem {
            Objects.requireNonNull(certificateChain, "certificate_chain");
            Objects.requireNonNull(privateKey, "private_key");
        }
    }

    /**
     * A PKCS#12 keystore holding one key entry.
     *
     * @param keystore the .p12/.pfx file
     * @param password its password (may be empty)
     */
    record Pkcs12(Path keystore, String password) implements TlsConfig {
        public Pkcs12 {
            Objects.requireNonNull(keystore, "keystore");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Pkcs12[keystore=" + keystore + ", password=(hidden)]";
        }
    }
}
