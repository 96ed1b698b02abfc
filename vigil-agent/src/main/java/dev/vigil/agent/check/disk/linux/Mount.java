package dev.vigil.agent.check.disk.linux;

import java.util.Objects;

/**
 * One line of {@code /proc/self/mountinfo}.
 *
 * @param major      device major number ({@code 0} for file systems without a block device of their own, and for btrfs)
 * @param minor      device minor number
 * @param root       the path inside the file system that is mounted here
 * @param mountPoint where it is mounted
 * @param fsType     file system type, e.g. {@code ext4}, {@code btrfs}, {@code zfs}, {@code overlay}
 * @param source     the mount source, e.g. {@code /dev/mapper/vg-root} or a ZFS dataset
 */
record Mount(int major, int minor, String root, String mountPoint, String fsType, String source) {

    Mount {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("negative device number " + major + ":" + minor);
        }
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(mountPoint, "mountPoint");
        Objects.requireNonNull(fsType, "fsType");
        Objects.requireNonNull(source, "source");
    }

    /** The device number as the kernel writes it, {@code major:minor}. */
    String device() {
        return major + ":" + minor;
    }
}
