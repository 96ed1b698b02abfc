package dev.vigil.agent.check.integrity.linux;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code integrity.secure-boot} on Linux: UEFI Secure Boot verifies the boot chain. Read from the firmware's
 * variables ({@code SecureBoot}, {@code SetupMode}, shim's {@code MokSBStateRT}) in efivarfs, falling back to
 * {@code mokutil --sb-state} when efivarfs cannot be read.
 *
 * <p>A machine booted without UEFI (no {@code /sys/firmware/efi}) fails: legacy BIOS boot has no Secure Boot,
 * so nothing verifies the boot loader or kernel, and the remedy (reinstalling for UEFI boot, or a VM type
 * with UEFI firmware) is a change to make, not a risk to accept silently. A warning would let the most
 * exposed machines pass for partly protected ones.
 */
public final class LinuxSecureBootCheck extends PlatformCheck {

    static final String EFI = "/sys/firmware/efi";
    static final String EFIVARS = "/sys/firmware/efi/efivars";
    static final String GLOBAL_GUID = "8be4df61-93ca-11d2-aa0d-00e098032b8c";
    static final String SHIM_GUID = "605dab50-e046-4300-abb6-3dd810dd8b23";
    static final String SECURE_BOOT = EFIVARS + "/SecureBoot-" + GLOBAL_GUID;
    static final String SETUP_MODE = EFIVARS + "/SetupMode-" + GLOBAL_GUID;
    static final String MOK_SB_STATE = EFIVARS + "/MokSBStateRT-" + SHIM_GUID;
    static final Command MOKUTIL = Command.of("mokutil", "--sb-state");

    public LinuxSecureBootCheck() {
        super("integrity.secure-boot", OsFamily.LINUX, Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        if (probe.stat(EFI).isEmpty()) {
            return Outcome.fail("Booted in legacy BIOS mode (no " + EFI + "), where Secure Boot does not exist, so "
                    + "nothing verifies the boot loader and kernel.", Map.of("boot", "bios"));
        }
        try {
            return switch (probe.readFile(SECURE_BOOT)) {
                case FileResult.Content c -> evaluate(EfiVariableParser.parseFlag(c.text()),
                        optionalFlag(probe, SETUP_MODE), optionalFlag(probe, MOK_SB_STATE), "efivars");
                case FileResult.Missing m when !probe.listDirectory(EFIVARS).isEmpty() ->
                        Outcome.fail("The UEFI firmware has no SecureBoot variable: it does not support Secure Boot.",
                                Map.of("boot", "uefi", "source", "efivars"));
                case FileResult r -> mokutil(probe, r);
            };
        } catch (ParseException e) {
            return Outcome.unknown(e.getMessage());
        }
    }

    private static Outcome mokutil(HostProbe probe, FileResult unreadable) throws ParseException {
        return switch (probe.run(MOKUTIL)) {
            case CommandResult.Completed c -> switch (MokutilParser.parse(c.stdout() + "\n" + c.stderr())) {
                case MokutilParser.SbState.Enabled(boolean shimOff) -> evaluate(true, false, shimOff, "mokutil");
                case MokutilParser.SbState.Disabled(boolean setup) -> evaluate(false, setup, false, "mokutil");
                case MokutilParser.SbState.NotSupported(String message) ->
                        Outcome.unknown("UEFI boot, but its variables cannot be read (" + unreadable.describe()
                                + ") and mokutil says: " + message);
            };
            case CommandResult r -> Outcome.unknown("cannot read the SecureBoot variable (" + unreadable.describe()
                    + ") and " + r.describe());
        };
    }

    /** A one-byte flag variable that may be absent (absent reads as 0). */
    private static boolean optionalFlag(HostProbe probe, String path) throws ParseException {
        return probe.readFile(path) instanceof FileResult.Content c && EfiVariableParser.parseFlag(c.text());
    }

    /** Pure: the firmware's flags to a finding. */
    static Outcome evaluate(boolean secureBoot, boolean setupMode, boolean shimValidationOff, String source) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("boot", "uefi");
        facts.put("secure_boot", secureBoot);
        facts.put("setup_mode", setupMode);
        facts.put("shim_validation_disabled", shimValidationOff);
        facts.put("source", source);
        if (!secureBoot) {
            return Outcome.fail("Secure Boot is disabled in the UEFI firmware"
                    + (setupMode ? ", which is in Setup Mode (no platform key enrolled)" : "") + ".", facts);
        }
        if (setupMode) {
            return Outcome.warn("Secure Boot reports enabled, but the firmware is in Setup Mode (no platform key "
                    + "enrolled), so anyone can enroll keys.", facts);
        }
        if (shimValidationOff) {
            return Outcome.warn("Secure Boot is enabled, but shim's validation is disabled (mokutil "
                    + "--disable-validation), so the kernel is not verified.", facts);
        }
        return Outcome.pass("Secure Boot is enabled.", facts);
    }
}
