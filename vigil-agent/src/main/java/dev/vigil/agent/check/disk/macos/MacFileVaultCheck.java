package dev.vigil.agent.check.disk.macos;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.check.disk.macos.FileVaultStatus.Conversion;
import dev.vigil.agent.check.disk.macos.FileVaultStatus.Headline;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code disk.encryption.system} on macOS: FileVault on the startup volume ({@code fdesetup status}, no root needed).
 * On: PASS. Encryption under way (or pending until the Mac is on AC power): WARN with the percentage. Off, including
 * an enablement that is deferred to the next login or restart: FAIL, since nothing is encrypted yet. Decryption under
 * way: FAIL, FileVault is being turned off.
 */
public final class MacFileVaultCheck extends PlatformCheck {

    static final Command FDESETUP_STATUS = Command.of("/usr/bin/fdesetup", "status");

    public MacFileVaultCheck() {
        super("disk.encryption.system", OsFamily.MACOS, Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        return switch (probe.run(FDESETUP_STATUS)) {
            case CommandResult.Completed c when c.ok() -> {
                try {
                    yield evaluate(FdesetupStatusParser.parse(c.stdout()));
                } catch (ParseException e) {
                    yield Outcome.unknown("unrecognised output from `" + FDESETUP_STATUS.display() + "`: " + e.getMessage());
                }
            }
            case CommandResult other -> Outcome.unknown(other.describe());
        };
    }

    static Outcome evaluate(FileVaultStatus s) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("filevault", s.headline().label);
        s.deferredUser().ifPresent(u -> facts.put("deferred_enablement_user", u));
        if (s.masterKeychain()) {
            facts.put("institutional_recovery_key", true);
        }
        return switch (s.conversion()) {
            case Conversion.Decrypting d -> {
                facts.put("conversion", "decrypting");
                d.percent().ifPresent(p -> facts.put("percent_completed", p));
                yield Outcome.fail("FileVault is being turned off: the startup volume is being decrypted" + done(d.percent()) + ".", facts);
            }
            case Conversion.Encrypting e -> {
                facts.put("conversion", "encrypting");
                e.percent().ifPresentOrElse(p -> facts.put("percent_completed", p), () -> facts.put("conversion_pending", true));
                yield Outcome.warn(e.percent().isPresent()
                        ? "FileVault is encrypting the startup volume" + done(e.percent()) + "; data is not fully protected until it finishes."
                        : "FileVault encryption is pending (it starts when the Mac is on AC power); data is not protected yet.", facts);
            }
            case Conversion.None n -> {
                facts.put("conversion", "none");
                yield switch (s.headline()) {
                    case ON -> Outcome.pass("FileVault is on.", facts);
                    case OFF_UNTIL_RESTART -> Outcome.fail("FileVault is off; it will be enabled after the next restart, and nothing is encrypted until then.", facts);
                    case OFF, ABSENT -> s.deferredUser().isPresent()
                            ? Outcome.fail("FileVault is off; enabling it is deferred until " + who(s.deferredUser().get())
                                    + " next logs in or out, and nothing is encrypted until then.", facts)
                            : Outcome.fail("FileVault is off: the startup volume is not encrypted.", facts);
                };
            }
        };
    }

    private static String done(Optional<Double> percent) {
        return percent.map(p -> " (" + (p == Math.rint(p) ? String.valueOf(p.longValue()) : String.valueOf(p)) + "% done)").orElse("");
    }

    private static String who(String user) {
        return user.isBlank() ? "the designated user" : "user '" + user + "'";
    }
}
