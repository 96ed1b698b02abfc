package dev.vigil.agent.check;

import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.Set;

/**
 * One control on one platform. A check gathers evidence only through the probe, hands the raw text
 * to a pure parser, and evaluates the parsed value against the policy. It may throw: the runner turns
 * any exception into an UNKNOWN finding, so one broken check never aborts the audit.
 */
public interface Check {

    /** The catalog id of the control this check decides. */
    String control();

    /** The platforms this implementation runs on. */
    Set<OsFamily> platforms();

    /** What the check needs before it can say anything; the runner reports UNKNOWN with the reason when a need is unmet. */
    default Set<Need> needs() {
        return Set.of();
    }

    /** Gathers, parses and evaluates. */
    Outcome run(HostProbe probe, Policy policy);
}
