package dev.vigil.agent.check.integrity.linux;

import dev.vigil.agent.check.ParseException;

/**
 * Parses {@code mokutil --sb-state} (stdout and stderr together): {@code SecureBoot enabled} (perhaps with
 * {@code SecureBoot validation is disabled in shim}), {@code SecureBoot disabled} (perhaps with
 * {@code Platform is in Setup Mode}), or {@code EFI variables are not supported on this system} /
 * {@code This system doesn't support Secure Boot}.
 */
final class MokutilParser {

    private MokutilParser() {
    }

    /** What mokutil reported. */
    sealed interface SbState {
        /** Secure Boot is on; {@code shimValidationDisabled} when shim was told not to verify what it loads. */
        record Enabled(boolean shimValidationDisabled) implements SbState {
        }

        /** Secure Boot is off; {@code setupMode} when no platform key is enrolled. */
        record Disabled(boolean setupMode) implements SbState {
        }

        /** No UEFI variables, or no Secure Boot support: {@code message} as mokutil said it. */
        record NotSupported(String message) implements SbState {
        }
    }

    static SbState parse(String text) throws ParseException {
        if (text.contains("SecureBoot enabled")) {
            return new SbState.Enabled(text.contains("SecureBoot validation is disabled in shim"));
        }
        if (text.contains("SecureBoot disabled")) {
            return new SbState.Disabled(text.contains("Platform is in Setup Mode"));
        }
        for (String message : new String[] {"EFI variables are not supported on this system", "This system doesn't support Secure Boot"}) {
            if (text.contains(message)) {
                return new SbState.NotSupported(message);
            }
        }
        String s = text.strip().replace('\n', ' ');
        throw new ParseException("unrecognised output from `mokutil --sb-state`, expected 'SecureBoot enabled' or "
                + "'SecureBoot disabled', got: " + (s.isEmpty() ? "(empty)" : s.length() <= 80 ? s : s.substring(0, 77) + "..."));
    }
}
