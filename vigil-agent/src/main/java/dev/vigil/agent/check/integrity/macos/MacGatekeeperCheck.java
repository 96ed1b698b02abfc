package dev.vigil.agent.check.integrity.macos;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.Map;

/**
 * {@code integrity.gatekeeper} on macOS: Gatekeeper assesses apps before they run ({@code spctl --status}).
 * spctl exits 1 when assessments are disabled, so its text decides, not its exit code.
 */
public final class MacGatekeeperCheck extends PlatformCheck {

    static final Command SPCTL = Command.of("/usr/sbin/spctl", "--status");

    public MacGatekeeperCheck() {
        super("integrity.gatekeeper", OsFamily.MACOS);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        return switch (probe.run(SPCTL)) {
            case CommandResult.Completed c when c.exitCode() <= 1 -> {
                try {
                    boolean on = SpctlStatusParser.parse(c.stdout() + "\n" + c.stderr());
                    yield on ? Outcome.pass("Gatekeeper is on: apps are assessed before they run.", Map.of("assessments", "enabled"))
                            : Outcome.fail("Gatekeeper is off: apps from anywhere run without assessment.", Map.of("assessments", "disabled"));
                } catch (ParseException e) {
                    yield Outcome.unknown(e.getMessage());
                }
            }
            case CommandResult r -> Outcome.unknown(r.describe());
        };
    }
}
