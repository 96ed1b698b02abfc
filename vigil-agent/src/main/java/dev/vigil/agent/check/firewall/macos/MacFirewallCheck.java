package dev.vigil.agent.check.firewall.macos;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.check.firewall.macos.AppFirewall.Answer;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code firewall.enabled} on macOS: the application firewall's global state ({@code socketfilterfw --getglobalstate},
 * no root needed). On (State 1, or 2 when it blocks all but essential services): PASS; off: FAIL. The packet filter
 * ({@code pf}) is not examined: macOS ships it without filtering rules, and the application firewall is what System
 * Settings turns on.
 */
public final class MacFirewallCheck extends PlatformCheck {

    public MacFirewallCheck() {
        super("firewall.enabled", OsFamily.MACOS, Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        return switch (AppFirewall.query(probe, AppFirewall.GLOBAL_STATE)) {
            case Answer.Unusable u -> Outcome.unknown(u.reason());
            case Answer.Settings(AlfSettings s) when s.enabled().isEmpty() ->
                    Outcome.unknown(AppFirewall.silentAbout(AppFirewall.GLOBAL_STATE, "whether the firewall is on"));
            case Answer.Settings(AlfSettings s) -> {
                Map<String, Object> facts = new LinkedHashMap<>();
                boolean on = s.enabled().get();
                facts.put("state", on ? "on" : "off");
                s.stateNumber().ifPresent(n -> facts.put("state_number", n));
                s.blockAll().ifPresent(b -> facts.put("block_all", b));
                AppFirewall.addProfileFact(probe, facts);
                String number = s.stateNumber().isPresent() ? " (State = " + s.stateNumber().getAsInt() + ")" : "";
                yield on
                        ? Outcome.pass("The macOS application firewall is on" + number + ".", facts)
                        : Outcome.fail("The macOS application firewall is off" + number + ": any app that listens accepts connections from the network.", facts);
            }
        };
    }
}
