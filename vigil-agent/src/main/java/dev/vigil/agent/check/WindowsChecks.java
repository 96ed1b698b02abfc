package dev.vigil.agent.check;

import dev.vigil.agent.check.accounts.windows.WindowsGuestAccountCheck;
import dev.vigil.agent.check.integrity.windows.WindowsAntimalwareCheck;
import dev.vigil.agent.check.integrity.windows.WindowsSecureBootCheck;
import dev.vigil.agent.check.integrity.windows.WindowsUacCheck;
import dev.vigil.agent.check.patch.windows.WindowsLastUpdateCheck;
import dev.vigil.agent.check.patch.windows.WindowsPendingRebootCheck;
import java.util.List;

/** The Windows checks, in catalog order. */
final class WindowsChecks {

    static final List<Check> ALL = List.of(
            new WindowsPendingRebootCheck(),
            new WindowsLastUpdateCheck(),
            new WindowsSecureBootCheck(),
            new WindowsAntimalwareCheck(),
            new WindowsUacCheck(),
            new WindowsGuestAccountCheck());

    private WindowsChecks() {
    }
}
