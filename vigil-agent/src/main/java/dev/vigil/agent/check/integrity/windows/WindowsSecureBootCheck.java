package dev.vigil.agent.check.integrity.windows;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.agent.check.windows.Registry;
import dev.vigil.agent.check.windows.RegValue;
import dev.vigil.core.report.OsFamily;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code integrity.secure-boot} on Windows. {@code Confirm-SecureBootUEFI} reads the firmware's variables but
 * needs administrator rights; without them (or without the cmdlet) the check reads what Windows recorded at boot,
 * {@code UEFISecureBootEnabled} under {@code HKLM\SYSTEM\CurrentControlSet\Control\SecureBoot\State}, which any
 * user may read. As on Linux, legacy BIOS boot fails: nothing verifies the boot chain there.
 */
public final class WindowsSecureBootCheck extends PlatformCheck {

    static final Command CONFIRM = Command.powershell(SecureBootParser.SCRIPT);
    static final String STATE_KEY = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecureBoot\\State";
    static final Command STATE = Registry.value(STATE_KEY, "UEFISecureBootEnabled");

    public WindowsSecureBootCheck() {
        super("integrity.secure-boot", OsFamily.WINDOWS, Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        return switch (firmware(probe.run(CONFIRM))) {
            case Step.Decided d -> d.outcome();
            case Step.Fallback f -> fromRegistry(Registry.read(probe.run(STATE)), f.why());
        };
    }

    /** Either the firmware's answer decided, or why it could not and the registry must. */
    sealed interface Step {
        record Decided(Outcome outcome) implements Step {
        }

        record Fallback(String why) implements Step {
        }
    }

    /** Pure: the cmdlet's result to a decision or the reason to ask the registry. */
    static Step firmware(CommandResult result) {
        if (!(result instanceof CommandResult.Completed c)) {
            return new Step.Fallback(result.describe());
        }
        try {
            SecureBootParser.Answer answer = SecureBootParser.parse(c.stdout(), c.stderr());
            return switch (answer) {
                case SecureBootParser.Answer.AccessDenied d ->
                        new Step.Fallback("requires administrator (Confirm-SecureBootUEFI: " + d.message() + ")");
                case SecureBootParser.Answer.Missing m ->
                        new Step.Fallback("Confirm-SecureBootUEFI is not available (" + m.message() + ")");
                case SecureBootParser.Answer a -> new Step.Decided(fromFirmware(a));
            };
        } catch (ParseException e) {
            return new Step.Fallback(e.getMessage());
        }
    }

    /** Pure: the firmware's answer to a finding (the two non-answers are never passed here). */
    static Outcome fromFirmware(SecureBootParser.Answer answer) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("source", "Confirm-SecureBootUEFI");
        return switch (answer) {
            case SecureBootParser.Answer.Enabled e -> {
                facts.put("boot", "uefi");
                facts.put("secure_boot", true);
                yield Outcome.pass("Secure Boot is enabled.", facts);
            }
            case SecureBootParser.Answer.Disabled d -> {
                facts.put("boot", "uefi");
                facts.put("secure_boot", false);
                yield Outcome.fail("Secure Boot is disabled in the UEFI firmware.", facts);
            }
            case SecureBootParser.Answer.SetupMode s -> {
                facts.put("boot", "uefi");
                facts.put("secure_boot", true);
                facts.put("setup_mode", true);
                yield Outcome.warn("Secure Boot reports enabled, but the firmware is in Setup Mode (no platform key "
                        + "enrolled), so anyone can enroll keys.", facts);
            }
            case SecureBootParser.Answer.LegacyBios b -> {
                facts.put("boot", "bios");
                facts.put("secure_boot", false);
                yield Outcome.fail("Booted in legacy BIOS mode (Confirm-SecureBootUEFI: not supported on this platform), "
                        + "where Secure Boot does not exist, so nothing verifies the boot loader and kernel.", facts);
            }
            case SecureBootParser.Answer.NoVariable n -> {
                facts.put("boot", "uefi");
                facts.put("secure_boot", false);
                yield Outcome.fail("The UEFI firmware has no SecureBoot variable (0xC0000100): Secure Boot is not "
                        + "enabled or not supported.", facts);
            }
            case SecureBootParser.Answer.AccessDenied d -> Outcome.unknown("requires administrator: " + d.message());
            case SecureBootParser.Answer.Missing m -> Outcome.unknown("Confirm-SecureBootUEFI is not available: " + m.message());
        };
    }

    /** Pure: the registry's record of the boot, used when the firmware could not be asked ({@code why}). */
    static Outcome fromRegistry(Registry.Read read, String why) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("source", "registry");
        return switch (read) {
            case Registry.Read.Found f -> {
                Optional<Long> v = f.key().value("UEFISecureBootEnabled").flatMap(RegValue::number);
                if (v.isEmpty()) {
                    yield Outcome.unknown(why + "; and UEFISecureBootEnabled is not a number in the registry");
                }
                facts.put("secure_boot", v.get() == 1);
                yield v.get() == 1
                        ? Outcome.pass("Secure Boot is enabled (UEFISecureBootEnabled = 1, as Windows recorded it at boot).", facts)
                        : Outcome.fail("Secure Boot is not enabled (UEFISecureBootEnabled = " + v.get()
                                + ", as Windows recorded it at boot).", facts);
            }
            case Registry.Read.Absent a -> Outcome.unknown(why + "; and the registry has no UEFISecureBootEnabled value");
            case Registry.Read.Failed x -> Outcome.unknown(why + "; and " + x.reason());
        };
    }
}
