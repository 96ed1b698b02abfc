package dev.vigil.agent.check.disk.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of {@code /etc/crypttab} (crypttab(5)): {@code name device [keyfile [options]]}.
 *
 * @param name    the mapping name, opened as {@code /dev/mapper/<name>}
 * @param device  the encrypted device ({@code UUID=…}, {@code /dev/sda3}…)
 * @param keyFile the key ({@code none} to ask, a file, or {@code /dev/urandom} for a throw-away key)
 * @param options options such as {@code luks}, {@code plain}, {@code swap}, {@code discard}
 */
record CrypttabEntry(String name, String device, String keyFile, List<String> options) {

    CrypttabEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(keyFile, "keyFile");
        options = List.copyOf(options);
    }

    /** The encryption the entry sets up, in the words dm uuids use: luks, plain, tcrypt, bitlk. */
    String encryption() {
        for (String o : options) {
            switch (o) {
                case "plain", "swap", "tmp" -> {
                    return "plain";
                }
                case "tcrypt" -> {
                    return "tcrypt";
                }
                case "bitlk" -> {
                    return "bitlk";
                }
                default -> { }
            }
        }
        return keyFile.equals("/dev/urandom") || keyFile.equals("/dev/random") ? "plain" : "luks";
    }

    /** Parses crypttab text; comments and lines with fewer than two fields are skipped. */
    static List<CrypttabEntry> parse(String text) {
        List<CrypttabEntry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s+");
            if (f.length < 2) {
                continue;
            }
            String key = f.length > 2 ? f[2] : "none";
            List<String> options = f.length > 3 ? List.of(f[3].split(",")) : List.of();
            entries.add(new CrypttabEntry(f[0], f[1], key, options));
        }
        return List.copyOf(entries);
    }
}
