package dev.vigil.agent.check.firewall.macos;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;

/**
 * {@code firewall.block-all} on macOS: "Block all incoming connections" ({@code socketfilterfw --getblockall}), which
 * only works while the application firewall is on ({@code --getglobalstate}).
 *
 * <p>In effect: PASS. Not in effect (off, or set while the firewall is off): WARN, not FAIL. It is the strictest
 * setting the firewall has and breaks every sharing service (AirDrop, AirPlay receiver, Screen Sharing, file sharing),
 * so most Macs that are configured well still leave it off; a FAIL would flag them all, and NOT_APPLICABLE would claim
 * Vigil knows the Mac needs incoming connections, which it cannot. The catalog gives it severity info, so the warning
 * is a prompt for review that does not lower the score.
 */
public final class MacFirewallBlockAllCheck extends PlatformCheck {

    public MacFirewallBlockAllCheck() {
        super("firewall.block-all", OsFamily.MACOS, Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        return AppFirewall.judge(probe, AppFirewall.BLOCK_ALL_INCOMING,
                facts -> Outcome.warn("Block all incoming connections is off: apps and services the firewall allows can accept connections"
                        + " (usual for a Mac that shares anything; review whether this one needs to).", facts),
                (firewallOn, facts) -> firewallOn
                        ? Outcome.pass("The firewall blocks all incoming connections except those essential to basic services (DHCP, Bonjour, IPsec).", facts)
                        : Outcome.warn("Block all incoming connections is set but has no effect while the application firewall is off.", facts));
    }
}
