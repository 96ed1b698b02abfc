package dev.vigil.agent.check.accounts.windows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.windows.PowerShellJson;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Get-LocalUser} filtered to the built-in Guest account, found by its well-known relative id 501 (its name
 * is localised, "Gast", "Invité", and often renamed), as JSON ({@link #SCRIPT}). The SID is selected as its string
 * value; an unflattened SecurityIdentifier object ({@code {"Value": "S-1-5-..."}}) is read too.
 */
final class LocalUserParser {

    static final String SCRIPT = "Get-LocalUser | Where-Object { $_.SID.Value -like '*-501' } | "
            + "Select-Object Name,Enabled,@{n='SID';e={$_.SID.Value}} | ConvertTo-Json";

    private LocalUserParser() {
    }

    /** The accounts with RID 501 (none on a domain controller, one elsewhere). */
    static List<LocalAccount> parse(String stdout) throws ParseException {
        List<LocalAccount> guests = new ArrayList<>();
        for (JsonNode o : PowerShellJson.objects(stdout)) {
            String name = PowerShellJson.text(o, "Name").orElseThrow(
                    () -> new ParseException("expected a Name for each Get-LocalUser entry, got: " + o));
            boolean enabled = PowerShellJson.bool(o, "Enabled").orElseThrow(
                    () -> new ParseException("expected Enabled (true or false) for account " + name));
            JsonNode sidNode = o.get("SID");
            String sid = sidNode != null && sidNode.isObject()
                    ? PowerShellJson.text(sidNode, "Value").orElse("")
                    : PowerShellJson.text(o, "SID").orElse("");
            if (sid.isEmpty() || sid.endsWith("-501")) {
                guests.add(new LocalAccount(name, enabled));
            }
        }
        return List.copyOf(guests);
    }
}
