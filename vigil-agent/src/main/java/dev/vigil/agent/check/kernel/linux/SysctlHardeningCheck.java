package dev.vigil.agent.check.kernel.linux;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code kernel.sysctl-hardening} on Linux: every sysctl the policy names against its expected value. Running values
 * on a live system, configured values (or kernel defaults) under {@code --root}.
 *
 * <p>A sysctl this kernel does not have (Yama not built in) is reported as absent and not counted: the policy cannot
 * be applied to what does not exist, and other controls judge the missing feature. Any mismatch fails: each names a
 * hardening the policy asks for, and a policy that expects less can say so.
 */
public final class SysctlHardeningCheck extends PlatformCheck {

    public SysctlHardeningCheck() {
        super("kernel.sysctl-hardening", OsFamily.LINUX);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        Map<String, SysctlExpectation> expected = new TreeMap<>();
        List<String> bad = new ArrayList<>();
        new TreeMap<>(policy.sysctls()).forEach((name, value) -> {
            try {
                expected.put(name, SysctlExpectation.parse(value));
            } catch (IllegalArgumentException e) {
                bad.add(name + ": " + e.getMessage());
            }
        });
        if (!bad.isEmpty()) {
            return Outcome.unknown("the policy's sysctls hold values that are not expectations (use \"1\", \">=1\" or \"<=1\"): "
                    + String.join("; ", bad));
        }
        if (expected.isEmpty()) {
            return Outcome.notApplicable("the policy names no sysctls to check");
        }
        return evaluate(SysctlReader.read(probe, expected.keySet()), expected);
    }

    static Outcome evaluate(SysctlReader.Snapshot snapshot, Map<String, SysctlExpectation> expected) {
        Map<String, Object> perSysctl = new LinkedHashMap<>();
        List<String> mismatched = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        List<String> undetermined = new ArrayList<>();
        int matched = 0;
        for (Map.Entry<String, SysctlExpectation> e : expected.entrySet()) {
            String name = e.getKey();
            SysctlExpectation want = e.getValue();
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("expected", want.toString());
            switch (snapshot.get(name)) {
                case SysctlReading.Value v -> {
                    boolean ok = want.matches(v.value());
                    f.put("actual", v.value());
                    f.put("ok", ok);
                    f.put("source", v.origin().fact());
                    f.put("origin", v.where());
                    if (ok) {
                        matched++;
                    } else {
                        mismatched.add(name + " = " + v.value() + " (expected " + want + ")");
                    }
                }
                case SysctlReading.Absent a -> {
                    f.put("state", "absent");
                    f.put("reason", a.reason());
                    absent.add(name);
                }
                case SysctlReading.Undetermined u -> {
                    f.put("state", "undetermined");
                    f.put("reason", u.reason());
                    undetermined.add(u.reason());
                }
            }
            perSysctl.put(name, f);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("source", snapshot.live() ? "running" : "configured");
        facts.put("sysctls", perSysctl);
        facts.put("matched", matched);
        facts.put("mismatched", mismatched.size());
        facts.put("absent", absent);
        if (!snapshot.live()) {
            facts.put("files", snapshot.files());
        }
        if (!snapshot.problems().isEmpty()) {
            facts.put("problems", snapshot.problems());
        }
        String values = snapshot.live() ? "running" : "configured";
        String absentNote = absent.isEmpty() ? "" : "; absent from this kernel and not counted: " + String.join(", ", absent);
        if (!mismatched.isEmpty()) {
            return Outcome.fail(mismatched.size() + " of " + expected.size() + " hardening sysctls differ from the policy ("
                    + values + " values): " + String.join(", ", mismatched) + absentNote + ".", facts);
        }
        if (!undetermined.isEmpty()) {
            return Outcome.unknown(undetermined.size() + " of " + expected.size() + " hardening sysctls could not be determined ("
                    + String.join("; ", undetermined) + "); the " + matched + " determined match the policy" + absentNote + ".", facts);
        }
        if (matched == 0) {
            return Outcome.unknown("none of the " + expected.size() + " hardening sysctls exists in this kernel: "
                    + String.join(", ", absent) + ".", facts);
        }
        return Outcome.pass("All " + matched + " hardening sysctls match the policy (" + values + " values)" + absentNote + ".", facts);
    }
}
