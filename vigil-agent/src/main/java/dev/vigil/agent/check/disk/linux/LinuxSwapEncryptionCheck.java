package dev.vigil.agent.check.disk.linux;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code disk.encryption.swap} on Linux: every active swap area that rests on a disk is encrypted
 * (dm-crypt with a random or persistent key, directly or under LVM; a swap file counts when its file
 * system is encrypted). zram is compressed RAM, not disk, and is left out (unless it writes back to a
 * device, which is then judged).
 *
 * <p>Sources: {@code /proc/swaps}, sysfs and, for swap files, {@code /proc/self/mountinfo} (see
 * {@link BlockStack}); under {@code --root}, the image's fstab swap entries (see {@link ConfiguredStack}).
 * PASS with no disk swap or all of it encrypted; FAIL naming each unencrypted area; UNKNOWN with the
 * reason when a stack cannot be followed.
 */
public final class LinuxSwapEncryptionCheck extends PlatformCheck {

    static final String PROC_SWAPS = "/proc/swaps";

    public LinuxSwapEncryptionCheck() {
        super("disk.encryption.swap", OsFamily.LINUX);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        if (!probe.live()) {
            ConfiguredStack config = new ConfiguredStack(probe);
            if (config.fstabProblem().isPresent()) {
                return Outcome.unknown("cannot tell the image's swap areas: " + config.fstabProblem().get());
            }
            List<Judged> judged = new ArrayList<>();
            for (ConfiguredStack.SwapEntry s : config.swaps()) {
                judged.add(new Judged(s.spec(), "configured", s.stack(), Protection.of(s.stack())));
            }
            return evaluate(judged, Basis.CONFIGURED);
        }
        List<SwapArea> areas;
        switch (probe.readFile(PROC_SWAPS)) {
            case FileResult.Content c -> {
                try {
                    areas = ProcSwaps.parse(c.text());
                } catch (ParseException e) {
                    return Outcome.unknown("unrecognised " + PROC_SWAPS + ": " + e.getMessage());
                }
            }
            case FileResult r -> {
                return Outcome.unknown("cannot list active swap areas: " + r.describe());
            }
        }
        BlockStack stack = new BlockStack(probe);
        List<Judged> judged = new ArrayList<>();
        for (SwapArea a : areas) {
            Layer l = stack.swap(a);
            judged.add(new Judged(a.path(), a.type().name().toLowerCase(Locale.ROOT), l, Protection.of(l)));
        }
        return evaluate(judged, Basis.OBSERVED);
    }

    /** One swap area with its stack and verdict. */
    record Judged(String path, String type, Layer stack, Protection.Verdict verdict) {
    }

    static Outcome evaluate(List<Judged> swaps, Basis basis) {
        List<Map<String, Object>> listed = new ArrayList<>();
        List<String> plain = new ArrayList<>(), encrypted = new ArrayList<>(), memory = new ArrayList<>();
        List<String> undetermined = new ArrayList<>();
        for (Judged j : swaps) {
            Protection.Verdict v = j.verdict();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", j.path());
            entry.put("type", j.type());
            entry.putAll(StackFacts.of(j.stack(), v, basis));
            entry.remove("observed");
            listed.add(entry);
            switch (v.state()) {
                case PLAIN -> plain.add(j.path() + (v.partial() ? " (only partly encrypted)" : ""));
                case ENCRYPTED -> encrypted.add(j.path() + ": " + v.shape());
                case IN_MEMORY -> memory.add(j.path());
                case UNDETERMINED -> undetermined.add(j.path() + ": " + StackFacts.reasons(v));
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("swaps", listed);
        if (!memory.isEmpty()) {
            facts.put("in_memory", memory);
        }
        facts.put("observed", basis == Basis.OBSERVED);
        if (!plain.isEmpty()) {
            facts.put("caveat", StackFacts.SED_CAVEAT);
            return Outcome.fail("Swap is not encrypted on " + String.join(", ", plain) + basis.suffix() + ".", facts);
        }
        if (!undetermined.isEmpty()) {
            return Outcome.unknown("cannot tell whether swap is encrypted on " + String.join("; ", undetermined), facts);
        }
        if (swaps.isEmpty()) {
            return Outcome.pass("No swap is " + (basis == Basis.OBSERVED ? "active" : "configured") + basis.suffix() + ".", facts);
        }
        if (encrypted.isEmpty()) {
            return Outcome.pass("No disk swap is active: " + String.join(", ", memory)
                    + " is compressed RAM (zram), not disk" + basis.suffix() + ".", facts);
        }
        return Outcome.pass("All disk swap is encrypted: " + String.join(", ", encrypted) + basis.suffix() + ".", facts);
    }
}
