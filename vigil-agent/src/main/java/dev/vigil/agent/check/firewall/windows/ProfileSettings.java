package dev.vigil.agent.check.firewall.windows;

import java.util.Objects;

/**
 * One profile as {@code Get-NetFirewallProfile} reports it.
 *
 * @param enabled whether filtering is on ({@code Enabled}: a GpoBoolean)
 * @param inbound what happens to inbound traffic no rule matches ({@code DefaultInboundAction})
 */
record ProfileSettings(Profile profile, Switch enabled, InboundAction inbound) {

    ProfileSettings {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(enabled, "enabled");
        Objects.requireNonNull(inbound, "inbound");
    }

    /** GpoBoolean: False = 0, True = 1, NotConfigured = 2 (the Windows default applies, which is on). */
    enum Switch {
        OFF, ON, NOT_CONFIGURED
    }

    /** The Action enum of the NetSecurity module: NotConfigured = 0 (the default applies, which is Block), Allow = 2, Block = 4. */
    enum InboundAction {
        NOT_CONFIGURED, ALLOW, BLOCK
    }
}
