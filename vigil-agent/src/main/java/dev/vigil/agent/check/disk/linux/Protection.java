package dev.vigil.agent.check.disk.linux;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a storage stack: data is protected at rest only when <em>every</em> path from the top down
 * to a disk crosses an encryption layer. An LVM volume spread over an encrypted and a plain physical
 * volume, or a RAID1 mirror with one plain member, leaves (a copy of) the data in the clear.
 *
 * <p>A path ends at an encryption layer (encrypted), in memory (not on disk), at a plain disk
 * (exposed), or where the stack could not be followed (undetermined). Any exposed path makes the
 * whole stack plain; otherwise any undetermined path makes it undetermined.
 */
final class Protection {

    private Protection() {
    }

    /** How a stack stands. */
    enum State { ENCRYPTED, IN_MEMORY, PLAIN, UNDETERMINED }

    /**
     * The judgement of one stack.
     *
     * @param state      the overall state
     * @param encryption the encryption types crossed on the way down, distinct, in the order met (e.g. {@code luks2})
     * @param shape      the layers from the top down to the first encryption layer, e.g. {@code lvm on luks2 crypt}
     * @param exposed    every path reaching a plain disk without crossing encryption, as {@code a > b > c}
     * @param unresolved why some paths could not be followed
     */
    record Verdict(State state, List<String> encryption, String shape, List<String> exposed, List<String> unresolved) {
        Verdict {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(shape, "shape");
            encryption = List.copyOf(encryption);
            exposed = List.copyOf(exposed);
            unresolved = List.copyOf(unresolved);
        }

        /** Some paths are encrypted and others are not. */
        boolean partial() {
            return state == State.PLAIN && !encryption.isEmpty();
        }
    }

    static Verdict of(Layer top) {
        Walk w = new Walk();
        State state = w.walk(top);
        return new Verdict(state, List.copyOf(w.encryption), w.shape, w.exposed, List.copyOf(w.unresolved));
    }

    /** The state of one walk down the tree: the current path and what was met so far. */
    private static final class Walk {
        final List<Layer> path = new ArrayList<>();
        final Set<String> encryption = new LinkedHashSet<>();
        final List<String> exposed = new ArrayList<>();
        final Set<String> unresolved = new LinkedHashSet<>();
        String shape = "";

        State walk(Layer layer) {
            path.add(layer);
            try {
                return switch (layer.kind()) {
                    case Layer.Crypt c -> encrypted(layer, c.type());
                    case Layer.ZfsNative z -> encrypted(layer, "zfs-native");
                    case Layer.Memory m -> State.IN_MEMORY;
                    case Layer.Unresolved u -> {
                        unresolved.add(u.reason());
                        yield State.UNDETERMINED;
                    }
                    case Layer.Disk d -> exposed();
                    case Layer.FileSystem f -> below(layer);
                    case Layer.File f -> below(layer);
                    case Layer.ZfsDataset z -> below(layer);
                    case Layer.Lvm l -> below(layer);
                    case Layer.Raid r -> below(layer);
                    case Layer.Mapper m -> below(layer);
                    case Layer.Partition p -> below(layer);
                    case Layer.Loop l -> below(layer);
                    case Layer.Stacked s -> below(layer);
                };
            } finally {
                path.removeLast();
            }
        }

        private State exposed() {
            exposed.add(String.join(" > ", path.stream().map(Layer::name).toList()));
            return State.PLAIN;
        }

        private State encrypted(Layer layer, String type) {
            encryption.add(type);
            if (shape.isEmpty()) {
                shape = shapeOf(layer);
            }
            return State.ENCRYPTED;
        }

        private State below(Layer layer) {
            if (layer.below().isEmpty()) {
                // a mapping with nothing beneath it: its data rests on whatever it ends on, which is not encrypted
                return exposed();
            }
            boolean plain = false, undetermined = false, encrypted = false;
            for (Layer b : layer.below()) {
                switch (walk(b)) {
                    case PLAIN -> plain = true;
                    case UNDETERMINED -> undetermined = true;
                    case ENCRYPTED -> encrypted = true;
                    case IN_MEMORY -> { }
                }
            }
            return plain ? State.PLAIN : undetermined ? State.UNDETERMINED : encrypted ? State.ENCRYPTED : State.IN_MEMORY;
        }

        /** The layers on the current path that make its shape, top down, e.g. {@code LVM on LUKS2} or {@code LUKS2 on RAID1}. */
        private String shapeOf(Layer crypt) {
            List<String> parts = new ArrayList<>();
            for (Layer l : path) {
                shapeWord(l).ifPresent(parts::add);
            }
            Layer under = crypt.below().isEmpty() ? null : crypt.below().getFirst();
            while (under != null && under.kind() instanceof Layer.Partition) {
                under = under.below().isEmpty() ? null : under.below().getFirst();
            }
            if (under != null && under.kind() instanceof Layer.Raid) {
                shapeWord(under).ifPresent(parts::add);
            }
            return String.join(" on ", parts);
        }
    }

    private static Optional<String> shapeWord(Layer l) {
        String s = switch (l.kind()) {
            case Layer.Crypt c -> c.type().equals("plain") ? "plain dm-crypt" : c.type().toUpperCase(Locale.ROOT);
            case Layer.ZfsNative z -> "ZFS native encryption (" + z.cipher() + ")";
            case Layer.Lvm lv -> "LVM";
            case Layer.Raid r -> r.level().toUpperCase(Locale.ROOT);
            case Layer.Mapper m -> "dm " + (m.subsystem().isEmpty() ? "mapping" : m.subsystem());
            case Layer.Loop lo -> "loop";
            case Layer.Stacked st -> st.what();
            case Layer.ZfsDataset z -> "ZFS pool";
            case Layer.FileSystem f -> null;
            case Layer.File f -> null;
            case Layer.Partition p -> null;
            case Layer.Disk d -> null;
            case Layer.Memory m -> null;
            case Layer.Unresolved u -> null;
        };
        return Optional.ofNullable(s);
    }
}
