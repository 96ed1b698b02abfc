package dev.vigil.agent.check.integrity.windows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.windows.PowerShellJson;
import java.util.ArrayList;
import java.util.List;

/**
 * Security Center's antivirus list ({@code root/SecurityCenter2 AntiVirusProduct}, client Windows only) as JSON
 * ({@link #SCRIPT}): each product's displayName and productState.
 */
final class AntivirusProductParser {

    static final String SCRIPT = "Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntiVirusProduct"
            + " | Select-Object displayName,productState | ConvertTo-Json";

    private AntivirusProductParser() {
    }

    static List<AntivirusProduct> parse(String stdout) throws ParseException {
        List<AntivirusProduct> all = new ArrayList<>();
        for (JsonNode o : PowerShellJson.objects(stdout)) {
            String name = PowerShellJson.text(o, "displayName").orElseThrow(
                    () -> new ParseException("expected a displayName for each AntiVirusProduct, got: " + o));
            long state = PowerShellJson.integer(o, "productState").orElseThrow(
                    () -> new ParseException("expected a numeric productState for " + name));
            all.add(new AntivirusProduct(name, state));
        }
        return List.copyOf(all);
    }
}
