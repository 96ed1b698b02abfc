package dev.vigil.agent.check.accounts.linux;

import dev.vigil.agent.check.Check;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.Set;

/** PLACEHOLDER: to be replaced by the real check for accounts.empty-passwords. */
public final class EmptyPasswordsCheck implements Check {

    @Override
    public String control() {
        return "accounts.empty-passwords";
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
