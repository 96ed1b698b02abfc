package dev.vigil.agent.check.integrity.macos;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code integrity.sip} on macOS: System Integrity Protection is fully enabled ({@code csrutil status}).
 * Disabled is a failure; a custom configuration (some protections off) is a warning naming them.
 */
public final class MacSipCheck extends PlatformCheck {

    static final Command CSRUTIL = Command.of("/usr/bin/csrutil", "status");

    public MacSipCheck() {
        super("integrity.sip", OsFamily.MACOS);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        return switch (probe.run(CSRUTIL)) {
            case CommandResult.Completed c when c.ok() -> {
                try {
                    yield evaluate(CsrutilStatusParser.parse(c.stdout()));
                } catch (ParseException e) {
                    yield Outcome.unknown(e.getMessage());
                }
            }
            case CommandResult r -> Outcome.unknown(r.describe());
        };
    }

    static Outcome evaluate(SipStatus sip) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("status", sip.state().name().toLowerCase(java.util.Locale.ROOT));
        facts.put("disabled_protections", sip.disabled());
        return switch (sip.state()) {
            case ENABLED -> Outcome.pass("System Integrity Protection is enabled.", facts);
            case DISABLED -> Outcome.fail("System Integrity Protection is disabled.", facts);
            case CUSTOM -> Outcome.warn("System Integrity Protection runs a custom configuration with "
                    + String.join(", ", sip.disabled()) + " disabled.", facts);
        };
    }
}
