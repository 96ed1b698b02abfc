package dev.vigil.agent.check.integrity.macos;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.macos.Plists;

/**
 * Parses {@code spctl --status}: {@code assessments enabled} or {@code assessments disabled} (Gatekeeper on
 * or off). Other lines (such as developer-mode notes) are ignored. Returns whether assessments are enabled.
 */
final class SpctlStatusParser {

    private SpctlStatusParser() {
    }

    static boolean parse(String text) throws ParseException {
        Boolean enabled = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.equals("assessments enabled") || line.equals("assessments disabled")) {
                boolean on = line.endsWith("enabled");
                if (enabled != null && enabled != on) {
                    throw new ParseException("`spctl --status` says both 'assessments enabled' and 'assessments disabled'");
                }
                enabled = on;
            }
        }
        if (enabled == null) {
            throw new ParseException("unrecognised output from `spctl --status`, expected 'assessments enabled' or "
                    + "'assessments disabled', got: " + Plists.abbreviate(text.strip()));
        }
        return enabled;
    }
}
