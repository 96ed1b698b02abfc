package dev.vigil.agent.check;

import dev.vigil.agent.check.accounts.windows.WindowsGuestAccountCheck;
import dev.vigil.agent.check.disk.windows.BitLockerCheck;
import dev.vigil.agent.check.firewall.windows.DefaultInboundCheck;
import dev.vigil.agent.check.firewall.windows.WindowsFirewallCheck;
import dev.vigil.agent.check.integrity.windows.WindowsAntimalwareCheck;
import dev.vigil.agent.check.integrity.windows.WindowsSecureBootCheck;
import dev.vigil.agent.check.integrity.windows.WindowsUacCheck;
import dev.vigil.agent.check.network.windows.WindowsExposedPortsCheck;
import dev.vigil.agent.check.patch.windows.WindowsLastUpdateCheck;
import dev.vigil.agent.check.patch.windows.WindowsPendingRebootCheck;
import dev.vigil.agent.check.remote.windows.RdpCheck;
import dev.vigil.agent.check.remote.windows.Smb1Check;
import java.util.List;

/** The Windows checks, in catalog order. */
final class WindowsChecks {

    static final List<Check> ALL = List.of(
            new BitLockerCheck(),
            new WindowsFirewallCheck(),
            new DefaultInboundCheck(),
            new WindowsExposedPortsCheck(),
            new RdpCheck(),
            new Smb1Check(),
            new WindowsPendingRebootCheck(),
            new WindowsLastUpdateCheck(),
            new WindowsSecureBootCheck(),
            new WindowsAntimalwareCheck(),
            new WindowsUacCheck(),
            new WindowsGuestAccountCheck());

    private WindowsChecks() {
    }
}
