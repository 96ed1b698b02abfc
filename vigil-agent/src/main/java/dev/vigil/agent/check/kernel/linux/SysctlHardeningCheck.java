package dev.vigil.agent.check.kernel.linux;

import dev.vigil.agent.check.Check;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.Set;

/** PLACEHOLDER: to be replaced by the real check for kernel.sysctl-hardening. */
public final class SysctlHardeningCheck implements Check {

    @Override
    public String control() {
        return "kernel.sysctl-hardening";
    }

    @Override
    public Set<OsFamily> platforms() {
        return Set.of(OsFamily.LINUX);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        return Outcome.unknown("not implemented yet");
    }
}
