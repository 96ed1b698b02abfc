package dev.vigil.agent.check.disk.linux;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One level of a storage stack: a file system, a device-mapper mapping, a RAID array, a partition, a
 * disk… and the layers it rests on. The tree is what the checks found; {@link Protection} judges it.
 *
 * @param name  what the layer is called: a kernel device name ({@code dm-0}), a path, a dataset
 * @param kind  what it is
 * @param below the layers it rests on, in the order found (empty for leaves)
 */
record Layer(String name, Kind kind, List<Layer> below) {

    Layer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        below = List.copyOf(below);
    }

    static Layer leaf(String name, Kind kind) {
        return new Layer(name, kind, List.of());
    }

    /** A leaf that says why the stack could not be followed further. */
    static Layer unresolved(String name, String reason) {
        return leaf(name, new Unresolved(reason));
    }

    /** What the layers are: closed, so that every judgement is exhaustive. */
    sealed interface Kind {
        /** A short label for facts and details, e.g. {@code luks2 crypt}. */
        String label();
    }

    /** A mounted file system; {@code source} as the mount table names it. */
    record FileSystem(String type, String source) implements Kind {
        public String label() {
            return type + " file system";
        }
    }

    /** A file (a swap file, a loop device's backing file) on the file system below. */
    record File() implements Kind {
        public String label() {
            return "file";
        }
    }

    /** A dm-crypt mapping: encrypted. {@code type}: luks1, luks2, luks (configured), plain, tcrypt, bitlk… */
    record Crypt(String type, String mapping) implements Kind {
        public String label() {
            return type + " crypt" + (mapping.isEmpty() ? "" : ", " + mapping);
        }
    }

    /** A natively encrypted ZFS dataset: encrypted. */
    record ZfsNative(String cipher, String encryptionRoot) implements Kind {
        public String label() {
            return "zfs native encryption, " + cipher + (encryptionRoot.equals("-") ? "" : ", key of " + encryptionRoot);
        }
    }

    /** A ZFS dataset without native encryption; below are its pool's devices. */
    record ZfsDataset() implements Kind {
        public String label() {
            return "zfs dataset, not natively encrypted";
        }
    }

    /** An LVM logical volume. */
    record Lvm(String mapping) implements Kind {
        public String label() {
            return "lvm" + (mapping.isEmpty() ? "" : ", " + mapping);
        }
    }

    /** An md RAID array. */
    record Raid(String level) implements Kind {
        public String label() {
            return "md " + level;
        }
    }

    /** Another device-mapper mapping (multipath, verity, integrity, no uuid…): it passes data through. */
    record Mapper(String subsystem, String mapping) implements Kind {
        public String label() {
            return "dm " + (subsystem.isEmpty() ? "without uuid" : subsystem) + (mapping.isEmpty() ? "" : ", " + mapping);
        }
    }

    /** A partition of the device below. */
    record Partition() implements Kind {
        public String label() {
            return "partition";
        }
    }

    /** A loop device; below is its backing file. */
    record Loop() implements Kind {
        public String label() {
            return "loop";
        }
    }

    /** Another block device built on others (bcache, zram with a writeback device…). */
    record Stacked(String what) implements Kind {
        public String label() {
            return what;
        }
    }

    /** A whole disk with nothing below: where unencrypted data would rest. */
    record Disk() implements Kind {
        public String label() {
            return "disk";
        }
    }

    /** Storage in RAM (tmpfs, zram without writeback): nothing of it rests on a disk. */
    record Memory(String what) implements Kind {
        public String label() {
            return what + ", in memory";
        }
    }

    /** The stack could not be followed here; {@code reason} says why. */
    record Unresolved(String reason) implements Kind {
        public String label() {
            return "undetermined: " + reason;
        }
    }

    /** This layer in one line: {@code dm-0 (luks2 crypt, cryptroot)}. */
    String describe() {
        return name + " (" + kind.label() + ")";
    }

    /**
     * The whole tree as lines, each layer once, top first, naming what it rests on:
     * {@code ["dm-1 (lvm, vg-root) on dm-0", "dm-0 (luks2 crypt) on sda3", "sda3 (partition) on sda", "sda (disk)"]}.
     */
    List<String> lines() {
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        collect(this, seen, out);
        return List.copyOf(out);
    }

    private static void collect(Layer layer, Set<String> seen, List<String> out) {
        if (!seen.add(layer.name() + "\u0000" + layer.kind())) {
            return;
        }
        String on = layer.below().isEmpty() ? ""
                : " on " + String.join(", ", layer.below().stream().map(Layer::name).toList());
        out.add(layer.describe() + on);
        for (Layer b : layer.below()) {
            collect(b, seen, out);
        }
    }
}
