package dev.vigil.agent.check.disk.linux;

import dev.vigil.agent.check.ParseException;
import java.util.Objects;

/**
 * What a block device's {@code uevent} file in sysfs says about it: its kernel name and whether it is
 * a whole device or a partition. Parsed from {@code KEY=value} lines such as {@code DEVNAME=nvme0n1p3}
 * and {@code DEVTYPE=partition}; other keys are ignored.
 *
 * @param name the kernel name, e.g. {@code dm-0}, {@code sda2}
 * @param type disk (any whole block device, including dm and md) or partition
 */
record BlockUevent(String name, Type type) {

    /** The kernel's {@code DEVTYPE} for block devices. */
    enum Type { DISK, PARTITION }

    BlockUevent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank() || name.contains("/") || name.equals("..")) {
            throw new IllegalArgumentException("not a kernel device name: '" + name + "'");
        }
    }

    static BlockUevent parse(String text) throws ParseException {
        String name = null;
        String type = null;
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            switch (key) {
                case "DEVNAME" -> name = value;
                case "DEVTYPE" -> type = value;
                default -> { }
            }
        }
        if (name == null || name.isEmpty() || name.contains("/") || name.equals("..")) {
            throw new ParseException("expected DEVNAME=<kernel name> in a block device's uevent");
        }
        if (type == null) {
            throw new ParseException("expected DEVTYPE=disk or DEVTYPE=partition in the uevent of " + name);
        }
        return switch (type) {
            case "disk" -> new BlockUevent(name, Type.DISK);
            case "partition" -> new BlockUevent(name, Type.PARTITION);
            default -> throw new ParseException("unknown DEVTYPE '" + type + "' for " + name + " (expected disk or partition)");
        };
    }
}
