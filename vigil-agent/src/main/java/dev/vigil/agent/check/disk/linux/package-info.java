/**
 * Linux disk encryption: whether the root file system and every active swap area rest on an
 * encrypted layer.
 *
 * <p>The checks walk the real device stack rather than guessing from names: a mount's device
 * number leads to a kernel block device ({@code /sys/dev/block/M:m}), and from there down through
 * device-mapper ({@code dm/uuid} says crypt, LVM or other), md RAID, partitions, loop files and
 * btrfs or ZFS pools to the disks. A {@link dev.vigil.agent.check.disk.linux.Layer} tree records what
 * was found; {@link dev.vigil.agent.check.disk.linux.Protection} decides, purely, whether every path
 * from the top to a disk crosses an encryption layer. Under {@code --root} the same tree is built
 * from the image's {@code /etc/fstab}, {@code /etc/crypttab} and LVM metadata backups, and the
 * finding says it is configured, not observed.
 */
package dev.vigil.agent.check.disk.linux;
