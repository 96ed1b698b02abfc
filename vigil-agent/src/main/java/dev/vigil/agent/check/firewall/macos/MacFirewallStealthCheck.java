package dev.vigil.agent.check.firewall.macos;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;

/**
 * {@code firewall.stealth} on macOS: stealth mode ({@code socketfilterfw --getstealthmode}) and, since stealth mode
 * only works while the application firewall is on, the global state ({@code --getglobalstate}). On with the firewall
 * on: PASS; off, or on while the firewall is off: FAIL; on while the firewall's state cannot be read: UNKNOWN.
 */
public final class MacFirewallStealthCheck extends PlatformCheck {

    public MacFirewallStealthCheck() {
        super("firewall.stealth", OsFamily.MACOS, Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        return AppFirewall.judge(probe, AppFirewall.STEALTH,
                facts -> Outcome.fail("Stealth mode is off: the Mac answers pings and probes of closed ports, so network scans find it.", facts),
                (firewallOn, facts) -> firewallOn
                        ? Outcome.pass("Stealth mode is on: the Mac does not answer pings or probes of closed ports.", facts)
                        : Outcome.fail("Stealth mode is set but has no effect while the application firewall is off.", facts));
    }
}
