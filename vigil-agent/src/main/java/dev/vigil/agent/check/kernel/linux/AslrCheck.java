package dev.vigil.agent.check.kernel.linux;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kernel.aslr} on Linux: {@code kernel.randomize_va_space} against the policy (2 by default). 2 randomises
 * stack, mmap, vDSO and heap; 1 leaves the heap (brk) in place; 0 turns randomisation off. Running value on a live
 * system, configured value (or the kernel default) under {@code --root}.
 */
public final class AslrCheck extends PlatformCheck {

    static final String SYSCTL = "kernel.randomize_va_space";

    public AslrCheck() {
        super("kernel.aslr", OsFamily.LINUX);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        return evaluate(SysctlReader.read(probe, List.of(SYSCTL)), policy.aslr());
    }

    static Outcome evaluate(SysctlReader.Snapshot snapshot, int expected) {
        return switch (snapshot.get(SYSCTL)) {
            case SysctlReading.Absent a -> Outcome.unknown(a.reason());
            case SysctlReading.Undetermined u -> Outcome.unknown(u.reason());
            case SysctlReading.Value v -> evaluate(v, expected);
        };
    }

    private static Outcome evaluate(SysctlReading.Value v, int expected) {
        int level;
        try {
            level = Integer.parseInt(v.value());
        } catch (NumberFormatException e) {
            return Outcome.unknown("unrecognised value of " + SYSCTL + " (" + v.describeOrigin() + "): '" + v.value() + "'");
        }
        if (level < 0 || level > 2) {
            return Outcome.unknown("unrecognised value of " + SYSCTL + " (" + v.describeOrigin() + "): " + level
                    + "; the kernel knows 0, 1 and 2");
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("sysctl", SYSCTL);
        facts.put("value", level);
        facts.put("expected", expected);
        facts.put("randomisation", switch (level) {
            case 0 -> "off";
            case 1 -> "partial";
            default -> "full";
        });
        facts.put("source", v.origin().fact());
        facts.put("origin", v.where());
        String setting = " (" + SYSCTL + " = " + level + ", " + v.describeOrigin() + ")";
        if (level >= expected) {
            String what = switch (level) {
                case 0 -> "Address space layout randomisation is off, as the policy allows";
                case 1 -> "Address space layout randomisation covers stack, mmap and vDSO but not the heap, as the policy allows";
                default -> "Address space layout randomisation is full: stack, mmap, vDSO and heap";
            };
            return Outcome.pass(what + setting + ".", facts);
        }
        if (level == 0) {
            return Outcome.fail("Address space layout randomisation is off" + setting + ", so exploits can rely on fixed addresses.", facts);
        }
        return Outcome.warn("Address space layout randomisation is partial: stack, mmap and vDSO are randomised but not the heap"
                + setting + "; the policy expects " + expected + ".", facts);
    }
}
