package dev.vigil.agent.check.remote.windows;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.check.windows.Registry;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code remote.smb1}: whether the SMB server offers SMBv1, the protocol version WannaCry and NotPetya spread through
 * (EternalBlue, MS17-010). {@code Get-SmbServerConfiguration} says it directly but needs an administrator; otherwise,
 * or when it fails, the {@code SMB1} value under {@code LanmanServer\Parameters} decides: 0 off, 1 on. When that value
 * is not set, the server follows its default, which depends on whether the SMB 1.0/CIFS Server feature is installed
 * (on Windows 7 and Server 2008 R2 it always is): that is UNKNOWN, not a guess.
 */
public final class Smb1Check extends PlatformCheck {

    static final String SCRIPT = "Get-SmbServerConfiguration | Select-Object EnableSMB1Protocol | ConvertTo-Json";
    static final Command CMDLET = Command.powershell(SCRIPT);
    static final String PARAMETERS = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters";
    static final String SMB1 = "SMB1";

    public Smb1Check() {
        super("remote.smb1", OsFamily.WINDOWS, Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        String cmdletProblem = "not run: Get-SmbServerConfiguration requires administrator";
        if (probe.elevated()) {
            switch (probe.run(CMDLET)) {
                case CommandResult.Completed c when c.ok() -> {
                    try {
                        return evaluate(SmbServerConfigurationParser.smb1Enabled(c.stdout()), SmbServerConfigurationParser.WHAT);
                    } catch (ParseException e) {
                        cmdletProblem = e.getMessage();
                    }
                }
                case CommandResult r -> cmdletProblem = r.describe();
            }
        }
        String source = "registry " + PARAMETERS + "\\" + SMB1;
        return switch (Registry.read(probe.run(Registry.value(PARAMETERS, SMB1)))) {
            case Registry.Read.Found f -> {
                try {
                    long value = f.key().require(SMB1).dword();
                    Outcome o = evaluate(value != 0, source);
                    yield new Outcome(o.status(), o.detail(), withNote(o.facts(), cmdletProblem));
                } catch (ParseException e) {
                    yield Outcome.unknown(e.getMessage() + " (Get-SmbServerConfiguration: " + cmdletProblem + ")");
                }
            }
            case Registry.Read.Absent a -> Outcome.unknown("cannot tell whether the SMBv1 server is enabled: " + SMB1 + " is not set under "
                    + PARAMETERS + ", so the server follows its default, which depends on whether the SMB 1.0/CIFS Server feature is"
                    + " installed (Get-SmbServerConfiguration: " + cmdletProblem + ")");
            case Registry.Read.Failed x -> Outcome.unknown("cannot tell whether the SMBv1 server is enabled: " + x.reason()
                    + " (Get-SmbServerConfiguration: " + cmdletProblem + ")");
        };
    }

    /** Pure: SMBv1 on or off to a finding. */
    static Outcome evaluate(boolean enabled, String source) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("smb1_server", enabled ? "enabled" : "disabled");
        facts.put("source", source);
        return enabled
                ? Outcome.fail("The SMB server accepts SMBv1, the protocol version exploited by EternalBlue (WannaCry, NotPetya).", facts)
                : Outcome.pass("The SMB server does not accept SMBv1.", facts);
    }

    private static Map<String, Object> withNote(Map<String, Object> facts, String cmdletProblem) {
        Map<String, Object> f = new LinkedHashMap<>(facts);
        f.put("cmdlet", cmdletProblem);
        return f;
    }
}
