package dev.vigil.agent.check.firewall.windows;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.check.firewall.windows.ProfileSettings.InboundAction;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code firewall.default-inbound} on Windows: inbound traffic that no rule allows is blocked on every profile.
 * {@code NotConfigured} means no store sets it, and the Windows default (Block) applies. Whether a profile's firewall
 * is on at all is {@code firewall.enabled}'s question, not this one's.
 */
public final class DefaultInboundCheck extends PlatformCheck {

    static final Command NETSH = Command.of("netsh", "advfirewall", "show", "allprofiles", "firewallpolicy");

    public DefaultInboundCheck() {
        super("firewall.default-inbound", OsFamily.WINDOWS, Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        return switch (FirewallProfiles.gather(probe, ProfileSettings::inbound, NETSH, "Firewall Policy", DefaultInboundCheck::netshPolicy)) {
            case FirewallProfiles.Gathered.Found<InboundAction> f -> evaluate(f.values(), f.source());
            case FirewallProfiles.Gathered.Failed<InboundAction> f -> Outcome.unknown(f.reason());
        };
    }

    /** {@code BlockInbound,AllowOutbound}: the inbound half. {@code BlockInboundAlways} also blocks what rules allow. */
    static InboundAction netshPolicy(Profile profile, String value) throws ParseException {
        String inbound = value.split(",", 2)[0].strip();
        return switch (inbound) {
            case "BlockInbound", "BlockInboundAlways" -> InboundAction.BLOCK;
            case "AllowInbound" -> InboundAction.ALLOW;
            case "NotConfigured" -> InboundAction.NOT_CONFIGURED;
            default -> throw new ParseException("unrecognised Firewall Policy '" + value + "' for the " + profile.label
                    + " profile in netsh output, expected BlockInbound or AllowInbound");
        };
    }

    /** Pure: each profile's default inbound action to a finding. */
    static Outcome evaluate(Map<Profile, InboundAction> profiles, String source) {
        Map<String, Object> actions = new LinkedHashMap<>();
        List<Profile> allow = new ArrayList<>();
        List<Profile> missing = new ArrayList<>();
        for (Profile p : Profile.values()) {
            InboundAction a = profiles.get(p);
            if (a == null) {
                missing.add(p);
                actions.put(p.key(), "not reported");
                continue;
            }
            actions.put(p.key(), switch (a) {
                case BLOCK -> "block";
                case ALLOW -> "allow";
                case NOT_CONFIGURED -> "not configured (default: block)";
            });
            if (a == InboundAction.ALLOW) {
                allow.add(p);
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("default_inbound", actions);
        facts.put("allowing_profiles", allow.stream().map(p -> p.label).toList());
        facts.put("source", source);
        if (!allow.isEmpty()) {
            return Outcome.fail("Inbound connections that no rule matches are allowed on the " + FirewallProfiles.join(allow) + " profile"
                    + (allow.size() > 1 ? "s." : "."), facts);
        }
        if (!missing.isEmpty()) {
            return Outcome.unknown("the " + FirewallProfiles.join(missing) + " profile" + (missing.size() > 1 ? "s were" : " was")
                    + " not reported by " + source + "; the others block inbound connections by default", facts);
        }
        return Outcome.pass("Inbound connections that no rule matches are blocked on the Domain, Private and Public profiles.", facts);
    }
}
