package dev.vigil.agent.check.disk.windows;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code disk.encryption.system} on Windows: BitLocker on the system drive. {@code Get-BitLockerVolume} first
 * (structured, the same in every display language); {@code manage-bde -status} when the cmdlet is missing or fails.
 * Both need an administrator, so without one the check says so before running anything.
 *
 * <p>Decision: decrypted (or being decrypted) → FAIL when finished, WARN while it runs; encryption running or paused
 * → WARN; fully encrypted with protection on → PASS; fully encrypted with protection off → WARN when key protectors
 * exist (protection suspended, e.g. for an update, the key sits in the clear until it resumes), FAIL when there are
 * none (the key is only in the clear: BitLocker "waiting for activation").
 */
public final class BitLockerCheck extends PlatformCheck {

    /** Key protector types cast to names, so that the recording holds no recovery password and no enum numbers. */
    static final String SCRIPT = "Get-BitLockerVolume -MountPoint $env:SystemDrive | Select-Object MountPoint, VolumeStatus, "
            + "ProtectionStatus, EncryptionPercentage, EncryptionMethod, @{Name='KeyProtectorTypes'; Expression={ @($_.KeyProtector "
            + "| ForEach-Object { [string]$_.KeyProtectorType }) }} | ConvertTo-Json -Depth 3";
    static final Command CMDLET = Command.powershell(SCRIPT);
    static final Command MANAGE_BDE = Command.of("manage-bde", "-status");

    /** Said instead of {@link Need#ELEVATED}'s "requires root", which is the Unix word. */
    static final String REQUIRES_ADMINISTRATOR = "requires administrator (BitLocker status is only readable by an elevated process)";

    public BitLockerCheck() {
        super("disk.encryption.system", OsFamily.WINDOWS, Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        if (!probe.elevated()) {
            return Outcome.unknown(REQUIRES_ADMINISTRATOR);
        }
        String cmdletProblem;
        switch (probe.run(CMDLET)) {
            case CommandResult.Completed c when c.ok() -> {
                try {
                    return evaluate(GetBitLockerVolumeParser.parse(c.stdout()), "Get-BitLockerVolume");
                } catch (ParseException e) {
                    cmdletProblem = e.getMessage();
                }
            }
            case CommandResult r -> cmdletProblem = r.describe();
        }
        return switch (probe.run(MANAGE_BDE)) {
            case CommandResult.Completed c -> {
                try {
                    yield evaluate(ManageBdeStatusParser.parse(c.stdout() + "\n" + c.stderr()), "manage-bde -status");
                } catch (ParseException e) {
                    yield Outcome.unknown(e.getMessage() + " (Get-BitLockerVolume: " + cmdletProblem + ")");
                }
            }
            case CommandResult r -> Outcome.unknown("cannot read BitLocker status: " + cmdletProblem + "; " + r.describe());
        };
    }

    /** Pure: the system volume's state to a finding. */
    static Outcome evaluate(BitLockerVolume v, String source) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("mount_point", v.mountPoint());
        facts.put("protection", v.protection().name().toLowerCase(Locale.ROOT));
        facts.put("percent_encrypted", v.percentEncrypted() == Math.rint(v.percentEncrypted()) ? (Object) (long) v.percentEncrypted() : v.percentEncrypted());
        facts.put("method", v.method());
        facts.put("volume_status", v.volumeStatus().name());
        facts.put("key_protectors", v.keyProtectors());
        facts.put("source", source);
        String drive = "The system drive " + v.mountPoint();
        String pct = percent(v.percentEncrypted());
        return switch (v.volumeStatus()) {
            case FullyDecrypted -> Outcome.fail(drive + " is not encrypted with BitLocker.", facts);
            case DecryptionInProgress -> Outcome.warn(drive + " is being decrypted (" + pct + " still encrypted): BitLocker is being turned off.", facts);
            case DecryptionSuspended -> Outcome.warn(drive + " is partly decrypted (" + pct + " still encrypted) and decryption is paused.", facts);
            case EncryptionInProgress -> Outcome.warn(drive + " is being encrypted with BitLocker (" + pct + " done).", facts);
            case EncryptionSuspended -> Outcome.warn(drive + " is partly encrypted with BitLocker (" + pct + ") and encryption is paused.", facts);
            case FullyEncrypted, FullyEncryptedWipeInProgress, FullyEncryptedWipeSuspended -> switch (v.protection()) {
                case On -> Outcome.pass(drive + " is fully encrypted with BitLocker (" + v.method() + ") and protection is on"
                        + (v.keyProtectors().isEmpty() ? "" : " (" + String.join(", ", v.keyProtectors()) + ")") + ".", facts);
                case Off -> v.keyProtectors().isEmpty()
                        ? Outcome.fail(drive + " is encrypted but BitLocker protection is off with no key protector: the key is stored"
                                + " in the clear (waiting for activation).", facts)
                        : Outcome.warn(drive + " is encrypted but BitLocker protection is suspended: the key is stored in the clear"
                                + " until protection resumes.", facts);
                case Unknown -> Outcome.unknown(drive + " is encrypted but BitLocker reports its protection status as unknown.", facts);
            };
        };
    }

    private static String percent(double p) {
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
    }
}
