package dev.vigil.agent.check.disk.linux;

import dev.vigil.agent.check.ParseException;
import java.util.List;
import java.util.Objects;

/**
 * A ZFS dataset's native encryption, parsed from
 * {@code zfs get -H -p -o property,value encryption,keystatus,encryptionroot DATASET}: one
 * {@code property<TAB>value} line per property, {@code -} where a property does not apply.
 *
 * @param encryption     the cipher (e.g. {@code aes-256-gcm}) or {@code off}; children inherit their encryption root's
 * @param keyStatus      {@code available}, {@code unavailable}, or {@code -} when not encrypted
 * @param encryptionRoot the dataset whose key this one uses, or {@code -}
 */
record ZfsEncryption(String encryption, String keyStatus, String encryptionRoot) {

    /** The argument vector that produces the text {@link #parse} reads. */
    static List<String> command(String dataset) {
        return List.of("zfs", "get", "-H", "-p", "-o", "property,value",
                "encryption,keystatus,encryptionroot", dataset);
    }

    ZfsEncryption {
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(keyStatus, "keyStatus");
        Objects.requireNonNull(encryptionRoot, "encryptionRoot");
    }

    /** Whether the dataset is natively encrypted (its own key or inherited from its encryption root). */
    boolean encrypted() {
        return !encryption.equals("off") && !encryption.equals("-");
    }

    static ZfsEncryption parse(String text) throws ParseException {
        String encryption = null;
        String keyStatus = "-";
        String root = "-";
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\t");
            if (f.length != 2) {
                continue;
            }
            switch (f[0].strip()) {
                case "encryption" -> encryption = f[1].strip();
                case "keystatus" -> keyStatus = f[1].strip();
                case "encryptionroot" -> root = f[1].strip();
                default -> { }
            }
        }
        if (encryption == null || encryption.isEmpty() || encryption.contains(" ")) {
            throw new ParseException("expected a line 'encryption<TAB>value' from zfs get");
        }
        return new ZfsEncryption(encryption, keyStatus, root);
    }
}
