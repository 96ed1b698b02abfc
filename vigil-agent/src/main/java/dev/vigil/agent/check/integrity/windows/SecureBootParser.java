package dev.vigil.agent.check.integrity.windows;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.windows.Excerpt;
import dev.vigil.agent.check.windows.PowerShellError;
import java.util.Optional;

/**
 * {@code Confirm-SecureBootUEFI}: {@code True} when the firmware's SecureBoot variable is 1 and SetupMode 0,
 * {@code False} when SecureBoot is 0; otherwise an error record. The error message is localised, so the answer is
 * read from what is not: the NTSTATUS in it ({@code 0xC0000002} STATUS_NOT_IMPLEMENTED on legacy BIOS boot,
 * {@code 0xC0000100} STATUS_VARIABLE_NOT_FOUND when the firmware has no SecureBoot variable) and the error id
 * ({@code SetPrivilegeFailed} without administrator rights, {@code InvalidSecureBootState} when SecureBoot and
 * SetupMode are both 1, {@code CommandNotFoundException} where the SecureBoot module is missing).
 */
final class SecureBootParser {

    static final String SCRIPT = "Confirm-SecureBootUEFI";

    private SecureBootParser() {
    }

    /** What the cmdlet said. */
    sealed interface Answer {
        record Enabled() implements Answer {
        }

        record Disabled() implements Answer {
        }

        /** SecureBoot and SetupMode both 1: enforcing nothing while anyone can enroll keys. */
        record SetupMode() implements Answer {
        }

        /** Booted through legacy BIOS (or CSM): no UEFI variables at all. */
        record LegacyBios() implements Answer {
        }

        /** UEFI firmware without a SecureBoot variable. */
        record NoVariable() implements Answer {
        }

        /** The process lacks the privilege to read firmware variables. */
        record AccessDenied(String message) implements Answer {
        }

        /** The SecureBoot module is not available in this PowerShell. */
        record Missing(String message) implements Answer {
        }
    }

    static Answer parse(String stdout, String stderr) throws ParseException {
        String out = stdout.strip();
        if (out.equalsIgnoreCase("True")) {
            return new Answer.Enabled();
        }
        if (out.equalsIgnoreCase("False")) {
            return new Answer.Disabled();
        }
        Optional<PowerShellError> error = PowerShellError.first(stderr);
        if (error.isPresent()) {
            PowerShellError e = error.get();
            if (e.mentions("0xC0000002")) {
                return new Answer.LegacyBios();
            }
            if (e.mentions("0xC0000100")) {
                return new Answer.NoVariable();
            }
            if (e.errorId().equals("SetPrivilegeFailed")) {
                return new Answer.AccessDenied(e.message());
            }
            if (e.errorId().equals("InvalidSecureBootState")) {
                return new Answer.SetupMode();
            }
            if (e.commandNotFound()) {
                return new Answer.Missing(e.message());
            }
            throw new ParseException("unrecognised error from Confirm-SecureBootUEFI: " + Excerpt.of(e.message())
                    + (e.errorId().isEmpty() ? "" : " (" + e.errorId() + ")"));
        }
        throw new ParseException("expected True or False from Confirm-SecureBootUEFI, got: " + Excerpt.of(stdout));
    }
}
