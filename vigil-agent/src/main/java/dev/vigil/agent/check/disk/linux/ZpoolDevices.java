package dev.vigil.agent.check.disk.linux;

import dev.vigil.agent.check.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The leaf devices of a ZFS pool, parsed from {@code zpool list -v -H -P -L POOL}: the first line is
 * the pool, each vdev row below starts with a tab; container rows ({@code mirror-0}, {@code raidz1-0},
 * {@code logs}, {@code cache}) have bare names, and with {@code -P -L} the devices are absolute, resolved
 * paths such as {@code /dev/dm-0} or {@code /dev/sda3}.
 */
final class ZpoolDevices {

    private ZpoolDevices() {
    }

    /** The argument vector that produces the text {@link #parse} reads. */
    static List<String> command(String pool) {
        return List.of("zpool", "list", "-v", "-H", "-P", "-L", pool);
    }

    static List<String> parse(String text) throws ParseException {
        String[] lines = text.split("\n");
        if (lines.length == 0 || lines[0].isBlank() || lines[0].startsWith("\t") || lines[0].startsWith(" ")) {
            throw new ParseException("expected the pool's own row first in `zpool list -v -H`");
        }
        List<String> devices = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].startsWith("\t")) {
                continue;
            }
            String name = lines[i].strip().split("\\s+")[0];
            if (name.startsWith("/")) {
                devices.add(name);
            }
        }
        if (devices.isEmpty()) {
            throw new ParseException("no device rows (absolute paths) in `zpool list -v -H -P`");
        }
        return List.copyOf(devices);
    }
}
