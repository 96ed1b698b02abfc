package dev.vigil.agent.check.accounts.windows;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.agent.check.windows.PowerShellError;
import dev.vigil.core.report.OsFamily;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code accounts.guest} on Windows: the built-in Guest account (RID 501) is disabled. {@code Get-LocalUser} finds
 * it whatever its name; where that cmdlet is missing (Windows PowerShell before 5.1, 32-bit PowerShell on 64-bit
 * Windows) {@code net user Guest} is asked, which knows only the English name and English output.
 */
public final class WindowsGuestAccountCheck extends PlatformCheck {

    static final Command LOCAL_USER = Command.powershell(LocalUserParser.SCRIPT);
    static final Command NET_USER = Command.of("net", "user", "Guest");

    public WindowsGuestAccountCheck() {
        super("accounts.guest", OsFamily.WINDOWS, Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        CommandResult first = probe.run(LOCAL_USER);
        if (first instanceof CommandResult.Completed c && c.ok()) {
            try {
                return evaluate(LocalUserParser.parse(c.stdout()), "Get-LocalUser");
            } catch (ParseException e) {
                return fallback(probe, "unrecognised output from Get-LocalUser: " + e.getMessage());
            }
        }
        return fallback(probe, switch (first) {
            case CommandResult.Completed c -> "Get-LocalUser failed: "
                    + PowerShellError.first(c.stderr()).map(PowerShellError::message).orElse(c.describe());
            case CommandResult r -> r.describe();
        });
    }

    private static Outcome fallback(HostProbe probe, String why) {
        return switch (probe.run(NET_USER)) {
            case CommandResult.Completed c when c.ok() -> {
                try {
                    yield evaluate(List.of(NetUserParser.parse(c.stdout())), "net user Guest");
                } catch (ParseException e) {
                    yield Outcome.unknown(why + "; and " + e.getMessage());
                }
            }
            case CommandResult.Completed c when c.exitCode() == 2 -> Outcome.unknown(why + "; and `net user Guest` "
                    + "finds no account named Guest (renamed, or named in another language)");
            case CommandResult r -> Outcome.unknown(why + "; and " + r.describe());
        };
    }

    /** Pure: the accounts holding the Guest RID to a finding. */
    static Outcome evaluate(List<LocalAccount> guests, String source) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("source", source);
        if (guests.isEmpty()) {
            return Outcome.notApplicable("No local account holds the built-in Guest id (RID 501), as on a domain "
                    + "controller, which has no local accounts.", facts);
        }
        LocalAccount guest = guests.getFirst();
        facts.put("name", guest.name());
        facts.put("enabled", guest.enabled());
        facts.put("renamed", !guest.name().equalsIgnoreCase("Guest"));
        String named = guest.name().equalsIgnoreCase("Guest") ? "" : " (named '" + guest.name() + "')";
        if (guest.enabled()) {
            return Outcome.fail("The built-in Guest account" + named + " is enabled: anyone can log on as Guest, "
                    + "usually without a password.", facts);
        }
        return Outcome.pass("The built-in Guest account" + named + " is disabled.", facts);
    }
}
