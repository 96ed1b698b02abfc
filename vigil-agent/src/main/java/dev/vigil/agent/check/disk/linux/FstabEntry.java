package dev.vigil.agent.check.disk.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of {@code /etc/fstab} (fstab(5)).
 *
 * @param spec    what is mounted: {@code /dev/mapper/x}, {@code UUID=…}, a file for swap…
 * @param file    where (or {@code none}/{@code swap} for swap)
 * @param type    file system type, {@code swap} for swap areas
 * @param options mount options
 */
record FstabEntry(String spec, String file, String type, List<String> options) {

    FstabEntry {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(type, "type");
        options = List.copyOf(options);
    }

    /**
     * Parses fstab text. Comments and lines with fewer than three fields are skipped, as mount(8)
     * skips them; fields use the same octal escapes as mountinfo.
     */
    static List<FstabEntry> parse(String text) {
        List<FstabEntry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s+");
            if (f.length < 3) {
                continue;
            }
            List<String> options = f.length > 3 ? List.of(f[3].split(",")) : List.of("defaults");
            entries.add(new FstabEntry(MountInfo.unescape(f[0]), MountInfo.unescape(f[1]), f[2], options));
        }
        return List.copyOf(entries);
    }
}
