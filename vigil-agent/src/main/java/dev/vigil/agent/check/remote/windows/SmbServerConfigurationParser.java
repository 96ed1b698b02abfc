package dev.vigil.agent.check.remote.windows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.windows.PowerShellJson;
import java.util.List;

/** Reads {@link Smb1Check#SCRIPT}: {@code Get-SmbServerConfiguration | Select-Object EnableSMB1Protocol | ConvertTo-Json}. */
final class SmbServerConfigurationParser {

    static final String WHAT = "Get-SmbServerConfiguration";

    private SmbServerConfigurationParser() {
    }

    /** Whether the SMB server offers SMBv1. */
    static boolean smb1Enabled(String text) throws ParseException {
        List<JsonNode> objects = PowerShellJson.objects(text, WHAT);
        if (objects.size() != 1) {
            throw new ParseException("expected one configuration from `" + WHAT + "`, got " + objects.size());
        }
        JsonNode v = objects.getFirst().get("EnableSMB1Protocol");
        if (v != null && v.isBoolean()) {
            return v.asBoolean();
        }
        if (v != null && v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(v.asText().toLowerCase(java.util.Locale.ROOT));
        }
        throw new ParseException("expected EnableSMB1Protocol true or false from `" + WHAT + "`, got: "
                + (v == null ? "no such field" : v.toString()));
    }
}
