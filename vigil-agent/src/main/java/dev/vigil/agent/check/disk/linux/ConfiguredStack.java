package dev.vigil.agent.check.disk.linux;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.HostProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds the storage stack a mounted image (audited with {@code --root}) is configured to boot on,
 * from its {@code /etc/fstab}, {@code /etc/crypttab} and LVM metadata backups ({@code /etc/lvm/backup/<vg>}):
 * no sysfs or mount table describes an image, so this is configuration, not observation.
 *
 * <p>A source on {@code /dev/mapper/<name>} with {@code <name>} in crypttab is an encryption layer; a
 * logical volume rests on the physical volumes its volume group's backup names; a plain kernel
 * device ({@code /dev/sda2}) is a disk. Sources named by {@code UUID=}, {@code LABEL=} or a
 * {@code /dev/disk/by-*} link cannot be tied to a device without the running system, so they stay
 * undetermined (they may well sit on a mapping unlocked from the kernel command line).
 */
final class ConfiguredStack {

    static final String FSTAB = "/etc/fstab";
    static final String CRYPTTAB = "/etc/crypttab";
    static final String LVM_BACKUP = "/etc/lvm/backup";
    private static final Pattern KERNEL_DISK = Pattern.compile(
            "(sd[a-z]+|vd[a-z]+|xvd[a-z]+|hd[a-z]+|nvme\\d+n\\d+|mmcblk\\d+)(p?\\d+)?");
    private static final int MAX_DEPTH = 8;

    private final HostProbe probe;
    private final List<FstabEntry> fstab;
    private final String fstabProblem;
    private final List<CrypttabEntry> crypttab;

    ConfiguredStack(HostProbe probe) {
        this.probe = probe;
        switch (probe.readFile(FSTAB)) {
            case FileResult.Content c -> {
                fstab = FstabEntry.parse(c.text());
                fstabProblem = null;
            }
            case FileResult r -> {
                fstab = List.of();
                fstabProblem = r.describe();
            }
        }
        crypttab = probe.readFile(CRYPTTAB) instanceof FileResult.Content c ? CrypttabEntry.parse(c.text()) : List.of();
    }

    /** Why {@code /etc/fstab} could not be read, if it could not. */
    Optional<String> fstabProblem() {
        return Optional.ofNullable(fstabProblem);
    }

    /** The configured root file system's stack, or empty when fstab names no root. */
    Optional<Layer> root() {
        FstabEntry root = null;
        for (FstabEntry e : fstab) {
            if (e.file().equals("/")) {
                root = e;
            }
        }
        return Optional.ofNullable(root).map(this::mount);
    }

    /** Every swap area the image activates at boot ({@code noauto} entries excluded). */
    List<SwapEntry> swaps() {
        List<SwapEntry> swaps = new ArrayList<>();
        for (FstabEntry e : fstab) {
            if (e.type().equals("swap") && !e.options().contains("noauto")) {
                swaps.add(new SwapEntry(e.spec(), swap(e.spec())));
            }
        }
        return List.copyOf(swaps);
    }

    /** A configured swap area and its stack. */
    record SwapEntry(String spec, Layer stack) {
    }

    private Layer swap(String spec) {
        if (spec.startsWith("/") && !spec.startsWith("/dev/")) {
            FstabEntry holder = null;
            for (FstabEntry e : fstab) {
                if (e.file().startsWith("/") && MountInfo.isUnder(spec, e.file())
                        && (holder == null || e.file().length() >= holder.file().length())) {
                    holder = e;
                }
            }
            return holder == null ? Layer.unresolved(spec, "no /etc/fstab entry holds swap file " + spec)
                    : new Layer(spec, new Layer.File(), List.of(mount(holder)));
        }
        return source(spec, 0);
    }

    private Layer mount(FstabEntry e) {
        Layer.FileSystem fs = new Layer.FileSystem(e.type(), e.spec());
        if (e.type().equals("tmpfs") || e.type().equals("ramfs")) {
            return new Layer(e.file(), fs, List.of(Layer.leaf(e.spec(), new Layer.Memory(e.type()))));
        }
        if (e.type().equals("zfs")) {
            return new Layer(e.file(), fs, List.of(Layer.unresolved(e.spec(),
                    "a ZFS dataset's encryption is not recorded in a mounted image's configuration")));
        }
        return new Layer(e.file(), fs, List.of(source(e.spec(), 0)));
    }

    private Layer source(String spec, int depth) {
        if (depth > MAX_DEPTH) {
            return Layer.unresolved(spec, "the configured stack loops at " + spec);
        }
        if (spec.startsWith("/dev/mapper/")) {
            String name = spec.substring("/dev/mapper/".length());
            for (CrypttabEntry c : crypttab) {
                if (c.name().equals(name)) {
                    return Layer.leaf(spec, new Layer.Crypt(c.encryption(), name + " from " + c.device()));
                }
            }
            return logicalVolume(spec, name, depth).orElseGet(() -> Layer.unresolved(spec, spec
                    + " is neither in /etc/crypttab nor a logical volume in " + LVM_BACKUP));
        }
        if (spec.startsWith("/dev/")) {
            String rest = spec.substring("/dev/".length());
            if (KERNEL_DISK.matcher(rest).matches()) {
                return Layer.leaf(spec, new Layer.Disk());
            }
            String[] parts = rest.split("/");
            if (parts.length == 2 && !parts[0].equals("disk")) {
                String mapping = parts[0].replace("-", "--") + "-" + parts[1].replace("-", "--");
                Optional<Layer> lv = logicalVolume(spec, mapping, depth);
                if (lv.isPresent()) {
                    return lv.get();
                }
            }
        }
        return Layer.unresolved(spec, "which device " + spec + " names cannot be told from a mounted image");
    }

    /** The logical volume {@code /dev/mapper/<vg>-<lv>} and the physical volumes its group's backup names. */
    private Optional<Layer> logicalVolume(String spec, String mapping, int depth) {
        for (String vg : probe.listDirectory(LVM_BACKUP)) {
            if (!mapping.startsWith(vg.replace("-", "--") + "-")) {
                continue;
            }
            String path = LVM_BACKUP + "/" + vg;
            if (!(probe.readFile(path) instanceof FileResult.Content c)) {
                return Optional.of(Layer.unresolved(spec, "cannot read " + path));
            }
            try {
                List<Layer> below = new ArrayList<>();
                for (String pv : LvmMetadata.physicalVolumeDevices(c.text())) {
                    below.add(source(pv, depth + 1));
                }
                return Optional.of(new Layer(spec, new Layer.Lvm(mapping), below));
            } catch (ParseException e) {
                return Optional.of(Layer.unresolved(spec, "unrecognised " + path + ": " + e.getMessage()));
            }
        }
        return Optional.empty();
    }
}
