package dev.vigil.agent.check.disk.linux;

import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a machine's block-device tree in a {@link FakeProbe} the way the kernel lays it out in sysfs,
 * so that a test reads as the storage it describes:
 * <pre>{@code
 * Sysfs.machine()
 *     .disk("nvme0n1", "259:0", "nvme0n1p1", "nvme0n1p2")
 *     .crypt("dm-0", "253:0", "LUKS2", "nvme0n1p2_crypt", "nvme0n1p2")
 *     .lvm("dm-1", "253:1", "vg-root", "dm-0")
 *     .root("253:1", "ext4", "/dev/mapper/vg-root")
 * }</pre>
 * Each device gets {@code /sys/class/block/<name>/uevent} and {@code /sys/dev/block/<M:m>/uevent};
 * disks list their partitions under {@code /sys/block/<disk>}; dm and md devices get their
 * {@code dm/uuid}, {@code dm/name}, {@code md/level} and {@code slaves/}.
 */
final class Sysfs {

    private static final String UUID = "4a1b2c3d5e6f47809a1b2c3d4e5f6a7b";

    private final FakeProbe probe = FakeProbe.linux();
    private final List<String> blocks = new ArrayList<>();
    private final Map<String, String> extraMounts = new LinkedHashMap<>();
    private String root = "";

    static Sysfs machine() {
        return new Sysfs();
    }

    /** A recorded output under {@code fixtures/linux/}, e.g. {@code fixture("proc-swaps/none")}. */
    static String fixture(String path) {
        return Fixtures.output("linux/" + path + ".txt");
    }

    /** A mounted image (--root) of the Debian installer's encrypted-LVM layout: fstab, crypttab and the VG backup. */
    static FakeProbe debianEncryptedLvmImage() {
        return FakeProbe.linux().live(false)
                .file("/etc/fstab", fixture("etc-fstab/debian-encrypted-lvm"))
                .file("/etc/crypttab", fixture("etc-crypttab/debian-luks"))
                .listing("/etc/lvm/backup", "debian-vg")
                .file("/etc/lvm/backup/debian-vg", fixture("etc-lvm-backup/debian-vg-on-crypt"));
    }

    /** A whole disk and its partitions (numbered minor+1, minor+2…). */
    Sysfs disk(String name, String majorMinor, String... partitions) {
        block(name, majorMinor, "disk");
        List<String> entries = new ArrayList<>(List.of("alignment_offset", "dev", "holders", "queue", "slaves", "uevent"));
        String[] mm = majorMinor.split(":");
        for (int i = 0; i < partitions.length; i++) {
            uevent(partitions[i], mm[0] + ":" + (Integer.parseInt(mm[1]) + i + 1), "partition");
            entries.add(partitions[i]);
        }
        probe.listing("/sys/block/" + name, entries.stream().sorted().toArray(String[]::new));
        return this;
    }

    /** A dm-crypt mapping made by cryptsetup; {@code type} as in the uuid: LUKS1, LUKS2, PLAIN. */
    Sysfs crypt(String dm, String majorMinor, String type, String mapping, String... slaves) {
        String uuid = type.equals("PLAIN") ? "CRYPT-PLAIN-" + mapping : "CRYPT-" + type + "-" + UUID + "-" + mapping;
        return dm(dm, majorMinor, uuid, mapping, slaves);
    }

    /** An LVM logical volume. */
    Sysfs lvm(String dm, String majorMinor, String mapping, String... slaves) {
        return dm(dm, majorMinor, "LVM-pV8TgNKMJVNrolJgMhVwg4CAeFFAIMC8" + UUID, mapping, slaves);
    }

    /** Any device-mapper device, with the uuid given. */
    Sysfs dm(String dm, String majorMinor, String uuid, String mapping, String... slaves) {
        block(dm, majorMinor, "disk");
        probe.file("/sys/class/block/" + dm + "/dm/uuid", uuid + "\n");
        probe.file("/sys/class/block/" + dm + "/dm/name", mapping + "\n");
        probe.file("/sys/block/" + dm + "/dm/name", mapping + "\n");
        probe.listing("/sys/class/block/" + dm + "/slaves", slaves);
        return this;
    }

    /** An md RAID array. */
    Sysfs raid(String md, String majorMinor, String level, String... slaves) {
        block(md, majorMinor, "disk");
        probe.file("/sys/class/block/" + md + "/md/level", level + "\n");
        probe.listing("/sys/class/block/" + md + "/slaves", slaves);
        return this;
    }

    /** A zram device without writeback: RAM. */
    Sysfs zram(String name, String majorMinor) {
        return block(name, majorMinor, "disk");
    }

    /** A loop device backed by a file. */
    Sysfs loop(String name, String majorMinor, String backingFile) {
        block(name, majorMinor, "disk");
        probe.file("/sys/class/block/" + name + "/loop/backing_file", backingFile + "\n");
        return this;
    }

    /** A btrfs file system and its member devices. */
    Sysfs btrfs(String fsid, String... devices) {
        probe.listing("/sys/fs/btrfs", "features", fsid);
        probe.listing("/sys/fs/btrfs/" + fsid + "/devices", devices);
        return this;
    }

    /** The file system mounted at /. */
    Sysfs root(String majorMinor, String fsType, String source) {
        root = "27 1 " + majorMinor + " / / rw,relatime shared:1 - " + fsType + " " + source + " rw\n";
        return this;
    }

    /** Another mount. */
    Sysfs mount(String mountPoint, String majorMinor, String fsType, String source) {
        extraMounts.put(mountPoint, majorMinor + " / " + mountPoint + " rw,relatime shared:2 - " + fsType + " " + source + " rw\n");
        return this;
    }

    /** Active swap areas, as {@code path=partition} or {@code path=file}. */
    Sysfs swaps(String... areas) {
        StringBuilder s = new StringBuilder("Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n");
        for (String a : areas) {
            String[] p = a.split("=");
            s.append(String.format("%-40s%s\t\t8388604\t\t0\t\t-2%n", p[0], p[1]));
        }
        probe.file("/proc/swaps", s.toString());
        return this;
    }

    /** The probe with everything planted. */
    FakeProbe probe() {
        StringBuilder mountinfo = new StringBuilder("22 27 0:21 / /proc rw,relatime - proc proc rw\n")
                .append("23 27 0:22 / /sys rw,relatime - sysfs sysfs rw\n").append(root);
        int id = 40;
        for (String m : extraMounts.values()) {
            mountinfo.append(id++).append(" 27 ").append(m);
        }
        probe.file("/proc/self/mountinfo", mountinfo.toString());
        probe.listing("/sys/block", blocks.stream().sorted().toArray(String[]::new));
        return probe;
    }

    private Sysfs block(String name, String majorMinor, String type) {
        blocks.add(name);
        uevent(name, majorMinor, type);
        return this;
    }

    private void uevent(String name, String majorMinor, String type) {
        String[] mm = majorMinor.split(":");
        String text = "MAJOR=" + mm[0] + "\nMINOR=" + mm[1] + "\nDEVNAME=" + name + "\nDEVTYPE=" + type + "\n"
                + (type.equals("partition") ? "PARTN=" + name.replaceAll("^.*?(\\d+)$", "$1") + "\n" : "");
        probe.file("/sys/class/block/" + name + "/uevent", text);
        probe.file("/sys/dev/block/" + majorMinor + "/uevent", text);
    }

    @Override
    public String toString() {
        return "Sysfs" + Arrays.toString(blocks.toArray());
    }
}
