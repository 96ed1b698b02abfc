package dev.vigil.agent.check.patch.windows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.windows.PowerShellJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code Get-HotFix} as JSON ({@link #SCRIPT}): HotFixID, Description and InstalledOn as an ISO-8601 string.
 * InstalledOn is formatted by PowerShell itself ({@code ToString('o')}) because {@code ConvertTo-Json} of the raw
 * date differs between versions, and because the table form is truncated and written in the machine's date format.
 * Some updates have no install date (WMI leaves it empty): they are counted, not dated.
 */
final class HotFixParser {

    static final String SCRIPT = "Get-HotFix | Select-Object HotFixID,Description,"
            + "@{n='InstalledOn';e={if ($_.InstalledOn) { $_.InstalledOn.ToString('o') }}} | ConvertTo-Json";

    private HotFixParser() {
    }

    /** The updates listed: those with an install date, and the ids of those without one. */
    record HotFixes(List<HotFix> dated, List<String> undated) {
        HotFixes {
            dated = List.copyOf(dated);
            undated = List.copyOf(undated);
        }

        /** The most recently installed update. */
        Optional<HotFix> newest() {
            return dated.stream().max((a, b) -> a.installedOn().compareTo(b.installedOn()));
        }

        int count() {
            return dated.size() + undated.size();
        }
    }

    static HotFixes parse(String stdout) throws ParseException {
        List<HotFix> dated = new ArrayList<>();
        List<String> undated = new ArrayList<>();
        for (JsonNode o : PowerShellJson.objects(stdout)) {
            String id = PowerShellJson.text(o, "HotFixID").orElseThrow(
                    () -> new ParseException("expected a HotFixID in each Get-HotFix entry, got: " + o));
            String description = PowerShellJson.text(o, "Description").orElse("");
            Optional<Instant> on = PowerShellJson.date(o, "InstalledOn");
            if (on.isPresent()) {
                dated.add(new HotFix(id, description, on.get()));
            } else {
                undated.add(id);
            }
        }
        return new HotFixes(dated, undated);
    }
}
