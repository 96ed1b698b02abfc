package dev.vigil.agent.check.disk.macos;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code fdesetup status} said.
 *
 * @param headline       the "FileVault is …" line, or {@link Headline#ABSENT} when only a progress line was printed
 * @param conversion     encryption or decryption under way, if any
 * @param deferredUser   the user a deferred enablement waits for ({@code fdesetup enable -defer}), when one is active
 * @param masterKeychain whether an institutional recovery key (FileVaultMaster keychain) is installed
 */
record FileVaultStatus(Headline headline, Conversion conversion, Optional<String> deferredUser, boolean masterKeychain) {

    /** The first line: FileVault on, off, or off until the next restart. */
    enum Headline {
        ON("on"),
        OFF("off"),
        OFF_UNTIL_RESTART("off, enabled after the next restart"),
        ABSENT("not stated");

        final String label;

        Headline(String label) {
            this.label = label;
        }
    }

    /** A conversion of the volume, if one is under way. */
    sealed interface Conversion {
        /** Nothing is being encrypted or decrypted. */
        record None() implements Conversion {
        }

        /** Encryption under way; the percentage is absent while it is "Pending" (e.g. on battery). */
        record Encrypting(Optional<Double> percent) implements Conversion {
            public Encrypting {
                Objects.requireNonNull(percent, "percent");
            }
        }

        /** Decryption under way: FileVault is being turned off. */
        record Decrypting(Optional<Double> percent) implements Conversion {
            public Decrypting {
                Objects.requireNonNull(percent, "percent");
            }
        }
    }

    FileVaultStatus {
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(conversion, "conversion");
        Objects.requireNonNull(deferredUser, "deferredUser");
    }
}
