package dev.vigil.agent.check.integrity.windows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.windows.PowerShellJson;
import java.util.List;

/**
 * {@code Get-MpComputerStatus} reduced to the properties the antimalware check reads, as JSON ({@link #SCRIPT}).
 * AMServiceEnabled, AntivirusEnabled and RealTimeProtectionEnabled are required; the rest may be missing on
 * older Defender versions. Dates come as {@code /Date(ms)/} (PowerShell 5.1) or ISO-8601 (PowerShell 7).
 */
final class MpComputerStatusParser {

    static final String SCRIPT = "Get-MpComputerStatus | Select-Object AMServiceEnabled,AntivirusEnabled,"
            + "RealTimeProtectionEnabled,AMRunningMode,AntivirusSignatureAge,AntivirusSignatureLastUpdated,"
            + "AntivirusSignatureVersion,IsTamperProtected | ConvertTo-Json";

    private MpComputerStatusParser() {
    }

    static DefenderStatus parse(String stdout) throws ParseException {
        List<JsonNode> objects = PowerShellJson.objects(stdout);
        if (objects.size() != 1) {
            throw new ParseException("expected one object from Get-MpComputerStatus, got " + objects.size());
        }
        JsonNode o = objects.getFirst();
        return new DefenderStatus(
                required(o, "AMServiceEnabled"),
                required(o, "AntivirusEnabled"),
                required(o, "RealTimeProtectionEnabled"),
                PowerShellJson.text(o, "AMRunningMode").orElse(""),
                PowerShellJson.integer(o, "AntivirusSignatureAge"),
                PowerShellJson.date(o, "AntivirusSignatureLastUpdated"),
                PowerShellJson.text(o, "AntivirusSignatureVersion").orElse(""),
                PowerShellJson.bool(o, "IsTamperProtected"));
    }

    private static boolean required(JsonNode o, String field) throws ParseException {
        return PowerShellJson.bool(o, field).orElseThrow(
                () -> new ParseException("expected " + field + " (true or false) in Get-MpComputerStatus output"));
    }
}
