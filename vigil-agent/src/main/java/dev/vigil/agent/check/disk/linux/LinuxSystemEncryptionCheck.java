package dev.vigil.agent.check.disk.linux;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.Map;
import java.util.Optional;

/**
 * {@code disk.encryption.system} on Linux: the root file system rests on an encryption layer on
 * every path down to the disks, however deep: LUKS1/LUKS2 or plain dm-crypt directly, LVM on LUKS,
 * LUKS on RAID, btrfs over several LUKS devices, or ZFS native encryption.
 *
 * <p>Sources: {@code /proc/self/mountinfo} and sysfs (see {@link BlockStack}); {@code zfs get} and
 * {@code zpool list} only for a ZFS root. Under {@code --root}, the image's fstab, crypttab and LVM
 * backups (see {@link ConfiguredStack}). PASS when every path is encrypted; FAIL when any path reaches
 * a disk in the clear (partly encrypted says so); NOT_APPLICABLE for a root in memory; UNKNOWN with
 * the reason when the stack cannot be followed (a container's overlay, a network root, missing sysfs).
 */
public final class LinuxSystemEncryptionCheck extends PlatformCheck {

    public LinuxSystemEncryptionCheck() {
        super("disk.encryption.system", OsFamily.LINUX);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        if (!probe.live()) {
            ConfiguredStack config = new ConfiguredStack(probe);
            if (config.fstabProblem().isPresent()) {
                return Outcome.unknown("cannot tell the image's root device: " + config.fstabProblem().get());
            }
            return config.root().map(top -> evaluate(top, Basis.CONFIGURED))
                    .orElseGet(() -> Outcome.unknown("the image's " + ConfiguredStack.FSTAB + " has no entry for /"));
        }
        BlockStack stack = new BlockStack(probe);
        Optional<String> problem = stack.mountsProblem();
        if (problem.isPresent()) {
            return Outcome.unknown(problem.get());
        }
        return MountInfo.at(stack.mounts(), "/").map(root -> evaluate(stack.mount(root), Basis.OBSERVED))
                .orElseGet(() -> Outcome.unknown("no file system is mounted at / in " + BlockStack.MOUNTINFO));
    }

    /** Judges the stack under the root file system ({@code top} is its {@link Layer.FileSystem} layer). */
    static Outcome evaluate(Layer top, Basis basis) {
        Protection.Verdict v = Protection.of(top);
        Map<String, Object> facts = StackFacts.of(top, v, basis);
        String root = "The root file system (" + what(top) + ")";
        return switch (v.state()) {
            case ENCRYPTED -> Outcome.pass(root + " is encrypted: " + v.shape() + basis.suffix() + ".", facts);
            case IN_MEMORY -> Outcome.notApplicable(root + " is in memory: nothing of it rests on a disk"
                    + basis.suffix() + ".", facts);
            case PLAIN -> {
                facts.put("caveat", StackFacts.SED_CAVEAT);
                yield v.partial()
                        ? Outcome.fail(root + " is only partly encrypted: " + String.join(", ", v.exposed())
                                + " reaches a disk without crossing " + String.join("+", v.encryption())
                                + basis.suffix() + ".", facts)
                        : Outcome.fail(root + " rests on no encryption layer: " + String.join(", ", StackFacts.plainDisks(v))
                                + " holds it in the clear" + basis.suffix() + ".", facts);
            }
            case UNDETERMINED -> Outcome.unknown(StackFacts.reasons(v), facts);
        };
    }

    private static String what(Layer top) {
        return top.kind() instanceof Layer.FileSystem fs ? fs.type() + " on " + fs.source() : top.describe();
    }
}
