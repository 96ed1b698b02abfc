package dev.vigil.agent.check.accounts.macos;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.check.macos.DefaultsValue;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code accounts.guest} on macOS: the guest user cannot log in ({@code GuestEnabled} in
 * {@code /Library/Preferences/com.apple.loginwindow}; not set means off, the macOS default). Whether guests
 * may connect to shared folders over SMB ({@code AllowGuestAccess} in
 * {@code /Library/Preferences/SystemConfiguration/com.apple.smb.server}) is reported as a fact.
 */
public final class MacGuestAccountCheck extends PlatformCheck {

    static final Command GUEST_ENABLED = Command.of("/usr/bin/defaults", "read",
            "/Library/Preferences/com.apple.loginwindow", "GuestEnabled");
    static final Command SMB_GUEST_ACCESS = Command.of("/usr/bin/defaults", "read",
            "/Library/Preferences/SystemConfiguration/com.apple.smb.server", "AllowGuestAccess");

    public MacGuestAccountCheck() {
        super("accounts.guest", OsFamily.MACOS);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        DefaultsValue guest;
        switch (probe.run(GUEST_ENABLED)) {
            case CommandResult.Completed c -> {
                try {
                    guest = DefaultsValue.of(c);
                } catch (ParseException e) {
                    return Outcome.unknown(e.getMessage());
                }
            }
            case CommandResult r -> {
                return Outcome.unknown(r.describe());
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("smb_guest_access", smbGuestAccess(probe));
        try {
            return evaluate(guest, facts);
        } catch (ParseException e) {
            return Outcome.unknown(e.getMessage());
        }
    }

    static Outcome evaluate(DefaultsValue guest, Map<String, Object> extra) throws ParseException {
        Map<String, Object> facts = new LinkedHashMap<>();
        return switch (guest) {
            case DefaultsValue.Absent a -> {
                facts.put("guest_enabled", false);
                facts.put("guest_enabled_source", "default");
                facts.putAll(extra);
                yield Outcome.pass("The guest account is off (GuestEnabled is not set; off is the macOS default).", facts);
            }
            case DefaultsValue.Present p -> {
                boolean on = p.bool("GuestEnabled");
                facts.put("guest_enabled", on);
                facts.put("guest_enabled_source", "com.apple.loginwindow");
                facts.putAll(extra);
                yield on ? Outcome.fail("The guest account is on: anyone can log in to this Mac without a password.", facts)
                        : Outcome.pass("The guest account is off.", facts);
            }
        };
    }

    /** "on", "off", "not set" (off, the default on current macOS), or why it could not be read: a fact only. */
    private static String smbGuestAccess(HostProbe probe) {
        if (probe.run(SMB_GUEST_ACCESS) instanceof CommandResult.Completed c) {
            try {
                return switch (DefaultsValue.of(c)) {
                    case DefaultsValue.Absent a -> "not set";
                    case DefaultsValue.Present p -> p.bool("AllowGuestAccess") ? "on" : "off";
                };
            } catch (ParseException e) {
                return "unreadable: " + e.getMessage();
            }
        }
        return "not read";
    }
}
