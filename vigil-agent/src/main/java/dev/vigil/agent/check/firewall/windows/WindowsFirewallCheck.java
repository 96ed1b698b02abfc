package dev.vigil.agent.check.firewall.windows;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.check.firewall.windows.ProfileSettings.Switch;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code firewall.enabled} on Windows: filtering is on for the Domain, Private and Public profiles. A laptop moves
 * between networks and Windows applies the profile of each, so one profile off is a failure, named in the detail.
 * {@code NotConfigured} means no store sets it and the Windows default (on) applies.
 */
public final class WindowsFirewallCheck extends PlatformCheck {

    static final Command NETSH = Command.of("netsh", "advfirewall", "show", "allprofiles", "state");

    public WindowsFirewallCheck() {
        super("firewall.enabled", OsFamily.WINDOWS, Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        return switch (FirewallProfiles.gather(probe, ProfileSettings::enabled, NETSH, "State", WindowsFirewallCheck::netshState)) {
            case FirewallProfiles.Gathered.Found<Switch> f -> evaluate(f.values(), f.source());
            case FirewallProfiles.Gathered.Failed<Switch> f -> Outcome.unknown(f.reason());
        };
    }

    static Switch netshState(Profile profile, String value) throws ParseException {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "ON" -> Switch.ON;
            case "OFF" -> Switch.OFF;
            default -> throw new ParseException("unrecognised State '" + value + "' for the " + profile.label
                    + " profile in netsh output, expected ON or OFF");
        };
    }

    /** Pure: each profile's switch to a finding. */
    static Outcome evaluate(Map<Profile, Switch> profiles, String source) {
        Map<String, Object> states = new LinkedHashMap<>();
        List<Profile> off = new ArrayList<>();
        List<Profile> missing = new ArrayList<>();
        List<Profile> defaulted = new ArrayList<>();
        for (Profile p : Profile.values()) {
            Switch s = profiles.get(p);
            if (s == null) {
                missing.add(p);
                states.put(p.key(), "not reported");
                continue;
            }
            states.put(p.key(), switch (s) {
                case ON -> "on";
                case OFF -> "off";
                case NOT_CONFIGURED -> "not configured (default: on)";
            });
            if (s == Switch.OFF) {
                off.add(p);
            } else if (s == Switch.NOT_CONFIGURED) {
                defaulted.add(p);
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("profiles", states);
        facts.put("disabled_profiles", off.stream().map(p -> p.label).toList());
        facts.put("source", source);
        if (!off.isEmpty()) {
            return Outcome.fail("Windows Firewall is off for the " + FirewallProfiles.join(off) + " profile" + (off.size() > 1 ? "s" : "")
                    + (missing.isEmpty() ? "." : "; " + FirewallProfiles.join(missing) + " not reported."), facts);
        }
        if (!missing.isEmpty()) {
            return Outcome.unknown("the " + FirewallProfiles.join(missing) + " profile" + (missing.size() > 1 ? "s were" : " was")
                    + " not reported by " + source + "; the others are on", facts);
        }
        return Outcome.pass("Windows Firewall is on for the Domain, Private and Public profiles"
                + (defaulted.isEmpty() ? "." : " (" + FirewallProfiles.join(defaulted) + " by default, not configured)."), facts);
    }
}
