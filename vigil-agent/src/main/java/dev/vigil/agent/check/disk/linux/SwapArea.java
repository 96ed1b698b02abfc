package dev.vigil.agent.check.disk.linux;

import java.util.Objects;

/**
 * One active swap area from {@code /proc/swaps}.
 *
 * @param path the block device or file, as the kernel names it (e.g. {@code /dev/dm-1}, {@code /swapfile})
 * @param type whether it is a block device or a file
 */
record SwapArea(String path, Type type) {

    /** The kernel's two kinds of swap area. */
    enum Type { PARTITION, FILE }

    SwapArea {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
    }
}
