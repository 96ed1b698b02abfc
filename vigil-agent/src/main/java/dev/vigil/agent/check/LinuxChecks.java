package dev.vigil.agent.check;

import dev.vigil.agent.check.accounts.linux.EmptyPasswordsCheck;
import dev.vigil.agent.check.accounts.linux.Uid0AccountsCheck;
import dev.vigil.agent.check.disk.linux.LinuxSwapEncryptionCheck;
import dev.vigil.agent.check.disk.linux.LinuxSystemEncryptionCheck;
import dev.vigil.agent.check.files.linux.ShadowPermissionsCheck;
import dev.vigil.agent.check.firewall.linux.LinuxFirewallCheck;
import dev.vigil.agent.check.integrity.linux.LinuxMacCheck;
import dev.vigil.agent.check.integrity.linux.LinuxSecureBootCheck;
import dev.vigil.agent.check.kernel.linux.AslrCheck;
import dev.vigil.agent.check.kernel.linux.SysctlHardeningCheck;
import dev.vigil.agent.check.logging.linux.AuditLoggingCheck;
import dev.vigil.agent.check.network.linux.LinuxExposedPortsCheck;
import dev.vigil.agent.check.patch.linux.LinuxAutoUpdatesCheck;
import dev.vigil.agent.check.patch.linux.LinuxPendingRebootCheck;
import dev.vigil.agent.check.patch.linux.LinuxPendingUpdatesCheck;
import dev.vigil.agent.check.remote.linux.SshPasswordAuthCheck;
import dev.vigil.agent.check.remote.linux.SshRootLoginCheck;
import java.util.List;

/** The Linux checks, in catalog order. */
final class LinuxChecks {

    static final List<Check> ALL = List.of(
            new LinuxSystemEncryptionCheck(),
            new LinuxSwapEncryptionCheck(),
            new LinuxFirewallCheck(),
            new LinuxExposedPortsCheck(),
            new SshRootLoginCheck(),
            new SshPasswordAuthCheck(),
            new LinuxPendingRebootCheck(),
            new LinuxPendingUpdatesCheck(),
            new LinuxAutoUpdatesCheck(),
            new LinuxMacCheck(),
            new LinuxSecureBootCheck(),
            new AslrCheck(),
            new SysctlHardeningCheck(),
            new EmptyPasswordsCheck(),
            new Uid0AccountsCheck(),
            new ShadowPermissionsCheck(),
            new AuditLoggingCheck());

    private LinuxChecks() {
    }
}
