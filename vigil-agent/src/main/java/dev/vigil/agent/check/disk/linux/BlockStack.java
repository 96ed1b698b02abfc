package dev.vigil.agent.check.disk.linux;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.HostProbe;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Gathers the storage stack under a mount, a block device or a file from a running system, by
 * reading sysfs and mountinfo through the probe (and running {@code zfs}/{@code zpool} only for ZFS).
 *
 * <p>Design: from a mount's {@code major:minor}, {@code /sys/dev/block/M:m/uevent} names the kernel
 * device; {@code /sys/class/block/<name>} then says what it is. Device-mapper devices are classified by
 * {@code dm/uuid} (cryptsetup, LVM, other) and followed through {@code slaves/}; md arrays likewise,
 * with {@code md/level}; a partition is followed to the disk whose {@code /sys/block/<disk>/} directory
 * holds it; a loop device to the mount holding its {@code loop/backing_file}. Btrfs reports an anonymous
 * device number, so its source and {@code /sys/fs/btrfs/<fsid>/devices/} name its member devices; a
 * ZFS dataset's native encryption comes from {@code zfs get}, and when it has none, its pool's devices
 * from {@code zpool list}. Nothing here judges: {@link Protection} does.
 */
final class BlockStack {

    static final String MOUNTINFO = "/proc/self/mountinfo";
    private static final int MAX_DEPTH = 16;
    private static final Set<String> MEMORY_FS = Set.of("tmpfs", "ramfs", "rootfs");
    private static final Set<String> OVERLAY_FS = Set.of("overlay", "aufs", "unionfs");
    private static final Set<String> REMOTE_FS = Set.of("nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "virtiofs",
            "ceph", "glusterfs", "afs", "davfs", "sshfs", "fuse", "vboxsf", "prl_fs");

    private final HostProbe probe;
    private List<Mount> mounts;
    private String mountsProblem;
    private List<String> blockDevices;

    BlockStack(HostProbe probe) {
        this.probe = probe;
    }

    /** The mount table, read once; empty with {@link #mountsProblem()} set when it cannot be read. */
    List<Mount> mounts() {
        if (mounts == null) {
            mounts = List.of();
            switch (probe.readFile(MOUNTINFO)) {
                case FileResult.Content c -> {
                    try {
                        mounts = MountInfo.parse(c.text());
                    } catch (ParseException e) {
                        mountsProblem = "unrecognised " + MOUNTINFO + ": " + e.getMessage();
                    }
                }
                case FileResult r -> mountsProblem = r.describe();
            }
        }
        return mounts;
    }

    /** Why the mount table could not be read, if it could not. */
    Optional<String> mountsProblem() {
        mounts();
        return Optional.ofNullable(mountsProblem);
    }

    /** The stack under a mounted file system. */
    Layer mount(Mount m) {
        return mount(m, 0, new HashSet<>());
    }

    /** The stack under a swap area: a block device path such as {@code /dev/dm-1}, or a file. */
    Layer swap(SwapArea area) {
        return switch (area.type()) {
            case PARTITION -> devicePath(area.path(), 0, new HashSet<>());
            case FILE -> file(area.path(), 0, new HashSet<>());
        };
    }

    private Layer mount(Mount m, int depth, Set<String> seen) {
        String name = m.mountPoint();
        Layer.FileSystem fs = new Layer.FileSystem(m.fsType(), m.source());
        String type = m.fsType();
        if (type.equals("zfs")) {
            return new Layer(name, fs, List.of(zfs(m.source(), depth, seen)));
        }
        if (MEMORY_FS.contains(type)) {
            return new Layer(name, fs, List.of(Layer.leaf(m.source(), new Layer.Memory(type))));
        }
        if (OVERLAY_FS.contains(type)) {
            return new Layer(name, fs, List.of(Layer.unresolved(m.source(), name + " is an " + type
                    + " file system (as in a container): the disk beneath it belongs to the host, so audit the host")));
        }
        if (REMOTE_FS.contains(type) || type.startsWith("fuse.")) {
            return new Layer(name, fs, List.of(Layer.unresolved(m.source(), name + " is a " + type + " file system from "
                    + m.source() + ": its storage is on another machine, so audit that machine")));
        }
        if (type.equals("btrfs")) {
            return new Layer(name, fs, btrfs(m, depth, seen));
        }
        if (m.major() != 0) {
            return new Layer(name, fs, List.of(deviceNumber(m.device(), m.source(), depth, seen)));
        }
        if (m.source().startsWith("/dev/")) {
            return new Layer(name, fs, List.of(devicePath(m.source(), depth, seen)));
        }
        return new Layer(name, fs, List.of(Layer.unresolved(m.source(), name + " is a " + type
                + " file system with no block device to follow")));
    }

    private Layer deviceNumber(String number, String source, int depth, Set<String> seen) {
        String path = "/sys/dev/block/" + number + "/uevent";
        return switch (probe.readFile(path)) {
            case FileResult.Content c -> {
                try {
                    yield device(BlockUevent.parse(c.text()).name(), depth, seen);
                } catch (ParseException e) {
                    yield Layer.unresolved(number, "unrecognised " + path + ": " + e.getMessage());
                }
            }
            case FileResult r -> source.startsWith("/dev/") ? devicePath(source, depth, seen)
                    : Layer.unresolved(number, "no block device " + number + " (" + r.describe() + ")");
        };
    }

    /** A device named by a path: {@code /dev/sda3}, {@code /dev/dm-1}, {@code /dev/mapper/name}, {@code /dev/vg/lv}. */
    private Layer devicePath(String path, int depth, Set<String> seen) {
        return kernelName(path).map(n -> device(n, depth, seen))
                .orElseGet(() -> Layer.unresolved(path, "cannot tell which block device " + path + " is ("
                        + (path.startsWith("/dev/") && path.indexOf('/', "/dev/".length()) < 0
                                ? "/sys/class/block shows no such device; is sysfs mounted?"
                                : "a symbolic link such as /dev/disk/by-uuid/ is not followed") + ")"));
    }

    private Optional<String> kernelName(String path) {
        if (!path.startsWith("/dev/")) {
            return Optional.empty();
        }
        String rest = path.substring("/dev/".length());
        String[] parts = rest.split("/");
        if (parts.length == 1 && !rest.isEmpty() && !rest.equals("..")) {
            return probe.readFile("/sys/class/block/" + rest + "/uevent") instanceof FileResult.Content
                    ? Optional.of(rest) : Optional.empty();
        }
        if (parts.length == 2 && parts[0].equals("mapper")) {
            return mapperDevice(parts[1]);
        }
        if (parts.length == 2 && !parts[0].equals("disk")) {
            // /dev/<vg>/<lv> is the device-mapper name <vg>-<lv> with dashes doubled (lvm2's naming)
            return mapperDevice(parts[0].replace("-", "--") + "-" + parts[1].replace("-", "--"));
        }
        return Optional.empty();
    }

    private Optional<String> mapperDevice(String mapping) {
        for (String d : blockDevices()) {
            if (d.startsWith("dm-") && read("/sys/block/" + d + "/dm/name").orElse("").equals(mapping)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private List<String> blockDevices() {
        if (blockDevices == null) {
            blockDevices = probe.listDirectory("/sys/block");
        }
        return blockDevices;
    }

    /** The stack under a kernel block device, e.g. {@code dm-1}. */
    private Layer device(String name, int depth, Set<String> seen) {
        if (depth > MAX_DEPTH || !seen.add(name)) {
            return Layer.unresolved(name, "the device stack is deeper than " + MAX_DEPTH + " layers or loops at " + name);
        }
        try {
            String base = "/sys/class/block/" + name;
            String ueventPath = base + "/uevent";
            BlockUevent uevent;
            switch (probe.readFile(ueventPath)) {
                case FileResult.Content c -> {
                    try {
                        uevent = BlockUevent.parse(c.text());
                    } catch (ParseException e) {
                        return Layer.unresolved(name, "unrecognised " + ueventPath + ": " + e.getMessage());
                    }
                }
                case FileResult r -> {
                    return Layer.unresolved(name, "cannot see block device " + name + ": " + r.describe());
                }
            }
            return switch (uevent.type()) {
                case PARTITION -> partition(name, depth, seen);
                case DISK -> disk(name, base, depth, seen);
            };
        } finally {
            seen.remove(name);
        }
    }

    private Layer partition(String name, int depth, Set<String> seen) {
        for (String disk : blockDevices()) {
            if (probe.listDirectory("/sys/block/" + disk).contains(name)) {
                return new Layer(name, new Layer.Partition(), List.of(device(disk, depth + 1, seen)));
            }
        }
        return new Layer(name, new Layer.Partition(), List.of(Layer.unresolved(name,
                "no disk in /sys/block holds partition " + name)));
    }

    private Layer disk(String name, String base, int depth, Set<String> seen) {
        if (name.startsWith("dm-")) {
            String mapping = read(base + "/dm/name").orElse("");
            Layer.Kind kind = switch (DmUuid.classify(read(base + "/dm/uuid").orElse(""))) {
                case DmUuid.Crypt c -> new Layer.Crypt(c.type(), mapping);
                case DmUuid.Lvm l -> new Layer.Lvm(mapping);
                case DmUuid.Other o -> new Layer.Mapper(o.subsystem(), mapping);
            };
            return new Layer(name, kind, slaves(name, base, depth, seen));
        }
        if (name.startsWith("md")) {
            Optional<String> level = read(base + "/md/level");
            if (level.isPresent()) {
                return new Layer(name, new Layer.Raid(level.get()), slaves(name, base, depth, seen));
            }
        }
        if (name.startsWith("loop")) {
            return read(base + "/loop/backing_file")
                    .map(file -> new Layer(name, new Layer.Loop(), List.of(file(file, depth + 1, seen))))
                    .orElseGet(() -> Layer.unresolved(name, "loop device " + name + " has no backing file"));
        }
        if (name.startsWith("zram")) {
            Optional<String> backing = read(base + "/backing_dev").filter(b -> !b.equals("none"));
            return backing.map(b -> new Layer(name, new Layer.Stacked("zram with writeback"),
                            List.of(devicePath(b, depth + 1, seen))))
                    .orElseGet(() -> Layer.leaf(name, new Layer.Memory("zram, compressed RAM")));
        }
        if (name.startsWith("zd")) {
            return Layer.unresolved(name, name + " is a ZFS volume: the encryption of its dataset is not examined");
        }
        if (name.startsWith("nbd") || name.startsWith("rbd")) {
            return Layer.unresolved(name, name + " is a network block device: its storage is on another machine");
        }
        List<Layer> below = slaves(name, base, depth, seen);
        return below.isEmpty() ? Layer.leaf(name, new Layer.Disk()) : new Layer(name, new Layer.Stacked("stacked device"), below);
    }

    private List<Layer> slaves(String name, String base, int depth, Set<String> seen) {
        List<Layer> below = new ArrayList<>();
        for (String slave : probe.listDirectory(base + "/slaves")) {
            below.add(device(slave, depth + 1, seen));
        }
        return below;
    }

    /** The stack under a file: the file system that holds it. */
    private Layer file(String path, int depth, Set<String> seen) {
        List<Mount> all = mounts();
        if (mountsProblem != null) {
            return Layer.unresolved(path, "cannot tell which file system holds " + path + ": " + mountsProblem);
        }
        return MountInfo.containing(all, path)
                .map(m -> new Layer(path, new Layer.File(), List.of(mount(m, depth + 1, seen))))
                .orElseGet(() -> Layer.unresolved(path, "no mount holds " + path));
    }

    private List<Layer> btrfs(Mount m, int depth, Set<String> seen) {
        Optional<String> name = kernelName(m.source());
        if (name.isEmpty()) {
            return List.of(Layer.unresolved(m.source(), "cannot tell which block device " + m.source() + " is"));
        }
        List<String> members = List.of(name.get());
        for (String fsid : probe.listDirectory("/sys/fs/btrfs")) {
            List<String> devices = probe.listDirectory("/sys/fs/btrfs/" + fsid + "/devices");
            if (devices.contains(name.get())) {
                members = devices;
                break;
            }
        }
        List<Layer> below = new ArrayList<>();
        for (String member : members) {
            below.add(device(member, depth + 1, seen));
        }
        return below;
    }

    private Layer zfs(String dataset, int depth, Set<String> seen) {
        Command get = new Command(ZfsEncryption.command(dataset), Command.DEFAULT_TIMEOUT);
        ZfsEncryption enc;
        switch (probe.run(get)) {
            case CommandResult.Completed c when c.ok() -> {
                try {
                    enc = ZfsEncryption.parse(c.stdout());
                } catch (ParseException e) {
                    return Layer.unresolved(dataset, "unrecognised output of `" + get.display() + "`: " + e.getMessage());
                }
            }
            case CommandResult r -> {
                return Layer.unresolved(dataset, "cannot read the encryption of ZFS dataset " + dataset + ": " + r.describe());
            }
        }
        if (enc.encrypted()) {
            return Layer.leaf(dataset, new Layer.ZfsNative(enc.encryption(), enc.encryptionRoot()));
        }
        String pool = dataset.contains("/") ? dataset.substring(0, dataset.indexOf('/')) : dataset;
        Command list = new Command(ZpoolDevices.command(pool), Command.DEFAULT_TIMEOUT);
        List<Layer> below = new ArrayList<>();
        switch (probe.run(list)) {
            case CommandResult.Completed c when c.ok() -> {
                try {
                    for (String device : ZpoolDevices.parse(c.stdout())) {
                        below.add(devicePath(device, depth + 1, seen));
                    }
                } catch (ParseException e) {
                    below.add(Layer.unresolved(pool, "unrecognised output of `" + list.display() + "`: " + e.getMessage()));
                }
            }
            case CommandResult r -> below.add(Layer.unresolved(pool, "ZFS dataset " + dataset
                    + " is not natively encrypted, and its pool's devices could not be listed: " + r.describe()));
        }
        return new Layer(dataset, new Layer.ZfsDataset(), below);
    }

    private Optional<String> read(String path) {
        return probe.readFile(path) instanceof FileResult.Content c ? Optional.of(c.text().strip()) : Optional.empty();
    }
}
