package dev.vigil.agent.check;

import dev.vigil.agent.check.accounts.macos.MacGuestAccountCheck;
import dev.vigil.agent.check.integrity.macos.MacGatekeeperCheck;
import dev.vigil.agent.check.integrity.macos.MacSipCheck;
import dev.vigil.agent.check.patch.macos.MacAutoUpdatesCheck;
import dev.vigil.agent.check.patch.macos.MacPendingUpdatesCheck;
import dev.vigil.agent.check.screen.macos.MacScreenLockCheck;
import java.util.List;

/** The macOS checks, in catalog order. */
final class MacChecks {

    static final List<Check> ALL = List.of(
            new MacPendingUpdatesCheck(),
            new MacAutoUpdatesCheck(),
            new MacSipCheck(),
            new MacGatekeeperCheck(),
            new MacGuestAccountCheck(),
            new MacScreenLockCheck());

    private MacChecks() {
    }
}
