package dev.vigil.agent.check.firewall.macos;

import dev.vigil.agent.check.Check;
import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.firewall.macos.AppFirewall.Answer;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code firewall.stealth} on macOS: stealth mode ({@code socketfilterfw --getstealthmode}) and, since stealth mode
 * only works while the application firewall is on, the global state ({@code --getglobalstate}). On with the firewall
 * on: PASS; off, or on while the firewall is off: FAIL; on while the firewall's state cannot be read: UNKNOWN.
 */
public final class MacFirewallStealthCheck implements Check {

    @Override
    public String control() {
        return "firewall.stealth";
    }

    @Override
    public Set<OsFamily> platforms() {
        return Set.of(OsFamily.MACOS);
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        Optional<Boolean> stealth;
        switch (AppFirewall.query(probe, AppFirewall.STEALTH_MODE)) {
            case Answer.Unusable u -> {
                return Outcome.unknown(u.reason());
            }
            case Answer.Settings(AlfSettings s) -> stealth = s.stealth();
        }
        if (stealth.isEmpty()) {
            return Outcome.unknown(AppFirewall.silentAbout(AppFirewall.STEALTH_MODE, "whether stealth mode is on"));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("stealth_mode", stealth.get() ? "on" : "off");
        AppFirewall.addProfileFact(probe, facts);
        if (!stealth.get()) {
            return Outcome.fail("Stealth mode is off: the Mac answers pings and probes of closed ports, so network scans find it.", facts);
        }
        return AppFirewall.whileFirewallOn(probe, "stealth mode", facts, on -> on
                ? Outcome.pass("Stealth mode is on: the Mac does not answer pings or probes of closed ports.", facts)
                : Outcome.fail("Stealth mode is set but has no effect while the application firewall is off.", facts));
    }
}
