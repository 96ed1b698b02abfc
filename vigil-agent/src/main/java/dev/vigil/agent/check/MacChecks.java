package dev.vigil.agent.check;

import dev.vigil.agent.check.accounts.macos.MacGuestAccountCheck;
import dev.vigil.agent.check.disk.macos.MacFileVaultCheck;
import dev.vigil.agent.check.firewall.macos.MacFirewallBlockAllCheck;
import dev.vigil.agent.check.firewall.macos.MacFirewallCheck;
import dev.vigil.agent.check.firewall.macos.MacFirewallStealthCheck;
import dev.vigil.agent.check.integrity.macos.MacGatekeeperCheck;
import dev.vigil.agent.check.integrity.macos.MacSipCheck;
import dev.vigil.agent.check.network.macos.MacExposedPortsCheck;
import dev.vigil.agent.check.patch.macos.MacAutoUpdatesCheck;
import dev.vigil.agent.check.patch.macos.MacPendingUpdatesCheck;
import dev.vigil.agent.check.remote.macos.MacRemoteLoginCheck;
import dev.vigil.agent.check.remote.macos.MacScreenSharingCheck;
import dev.vigil.agent.check.screen.macos.MacScreenLockCheck;
import java.util.List;

/** The macOS checks, in catalog order. */
final class MacChecks {

    static final List<Check> ALL = List.of(
            new MacFileVaultCheck(),
            new MacFirewallCheck(),
            new MacFirewallStealthCheck(),
            new MacFirewallBlockAllCheck(),
            new MacExposedPortsCheck(),
            new MacRemoteLoginCheck(),
            new MacScreenSharingCheck(),
            new MacPendingUpdatesCheck(),
            new MacAutoUpdatesCheck(),
            new MacSipCheck(),
            new MacGatekeeperCheck(),
            new MacGuestAccountCheck(),
            new MacScreenLockCheck());

    private MacChecks() {
    }
}
