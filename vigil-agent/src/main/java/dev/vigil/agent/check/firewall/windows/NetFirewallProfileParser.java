package dev.vigil.agent.check.firewall.windows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.windows.PowerShellJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@link FirewallProfiles#SCRIPT}: {@code Get-NetFirewallProfile | ConvertTo-Json}. {@code Enabled} is a
 * GpoBoolean and {@code DefaultInboundAction} an Action, written as numbers by Windows PowerShell 5.1 and as names
 * ({@code True}, {@code Block}) by PowerShell 7 with {@code -EnumsAsStrings}; a plain JSON boolean is read too.
 */
final class NetFirewallProfileParser {

    static final String WHAT = "Get-NetFirewallProfile";

    private static final Map<Integer, String> GPO_BOOLEAN = Map.of(0, "False", 1, "True", 2, "NotConfigured");
    private static final Map<Integer, String> ACTION = Map.of(0, "NotConfigured", 2, "Allow", 4, "Block");

    private NetFirewallProfileParser() {
    }

    static List<ProfileSettings> parse(String text) throws ParseException {
        List<ProfileSettings> out = new ArrayList<>();
        for (JsonNode o : PowerShellJson.objects(text, WHAT)) {
            String name = PowerShellJson.text(o, "Name").or(() -> PowerShellJson.text(o, "Profile"))
                    .orElseThrow(() -> new ParseException("expected a Name field in each profile from `" + WHAT + "`"));
            Optional<Profile> profile = Profile.named(name);
            if (profile.isEmpty()) {
                throw new ParseException("unrecognised firewall profile '" + name + "' from `" + WHAT + "`");
            }
            out.add(new ProfileSettings(profile.get(), enabled(o, name), inbound(o, name)));
        }
        return List.copyOf(out);
    }

    private static ProfileSettings.Switch enabled(JsonNode o, String profile) throws ParseException {
        JsonNode raw = o.get("Enabled");
        if (raw != null && raw.isBoolean()) {
            return raw.asBoolean() ? ProfileSettings.Switch.ON : ProfileSettings.Switch.OFF;
        }
        String v = PowerShellJson.enumName(o, "Enabled", GPO_BOOLEAN)
                .orElseThrow(() -> new ParseException("expected an Enabled field for the " + profile + " profile from `" + WHAT + "`"));
        return switch (v) {
            case "True" -> ProfileSettings.Switch.ON;
            case "False" -> ProfileSettings.Switch.OFF;
            case "NotConfigured" -> ProfileSettings.Switch.NOT_CONFIGURED;
            default -> throw new ParseException("unrecognised Enabled '" + v + "' for the " + profile + " profile from `" + WHAT + "`");
        };
    }

    private static ProfileSettings.InboundAction inbound(JsonNode o, String profile) throws ParseException {
        String v = PowerShellJson.enumName(o, "DefaultInboundAction", ACTION)
                .orElseThrow(() -> new ParseException("expected a DefaultInboundAction field for the " + profile + " profile from `" + WHAT + "`"));
        return switch (v) {
            case "Block" -> ProfileSettings.InboundAction.BLOCK;
            case "Allow" -> ProfileSettings.InboundAction.ALLOW;
            case "NotConfigured" -> ProfileSettings.InboundAction.NOT_CONFIGURED;
            default -> throw new ParseException("unrecognised DefaultInboundAction '" + v + "' for the " + profile + " profile from `" + WHAT + "`");
        };
    }
}
