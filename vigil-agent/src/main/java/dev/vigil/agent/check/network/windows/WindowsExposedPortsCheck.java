package dev.vigil.agent.check.network.windows;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.check.network.ExposedPorts;
import dev.vigil.agent.check.network.Listener;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code network.exposed-ports} on Windows, with the rules of the Linux check: a listener bound to loopback only is
 * not exposed; an exposed port in the policy's high-risk list fails, any other exposed port warns. Windows itself
 * listens on 135 (RPC) and often 445 (SMB) and 139; they get no special treatment, the policy decides.
 *
 * <p>Sources: {@code Get-NetTCPConnection -State Listen} with process names joined in the same script (no elevation
 * needed for either); {@code netstat -ano} (process ids only) when the cmdlet is missing or fails. UDP is not covered.
 */
public final class WindowsExposedPortsCheck extends PlatformCheck {

    /**
     * Stops at the first error, so a failure is an exit code rather than partial output; with nothing listening the
     * cmdlet errors too, and netstat then gives the (empty) answer.
     */
    static final String SCRIPT = "$ErrorActionPreference = 'Stop'; $names = @{}; Get-Process | ForEach-Object { $names[[int]$_.Id] = "
            + "$_.ProcessName }; Get-NetTCPConnection -State Listen | Select-Object LocalAddress, LocalPort, OwningProcess, "
            + "@{Name='ProcessName'; Expression={ $names[[int]$_.OwningProcess] }} | ConvertTo-Json";
    static final Command CMDLET = Command.powershell(SCRIPT);
    static final Command NETSTAT = Command.of("netstat", "-ano");

    public WindowsExposedPortsCheck() {
        super("network.exposed-ports", OsFamily.WINDOWS, Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        String cmdletProblem;
        switch (probe.run(CMDLET)) {
            case CommandResult.Completed c when c.ok() -> {
                try {
                    return evaluate(NetTcpConnectionParser.parse(c.stdout()), policy.highRiskPorts(), "Get-NetTCPConnection");
                } catch (ParseException e) {
                    cmdletProblem = e.getMessage();
                }
            }
            case CommandResult r -> cmdletProblem = r.describe();
        }
        return switch (probe.run(NETSTAT)) {
            case CommandResult.Completed c when c.ok() -> {
                try {
                    yield evaluate(NetstatParser.parse(c.stdout()), policy.highRiskPorts(), "netstat -ano");
                } catch (ParseException e) {
                    yield Outcome.unknown(e.getMessage() + " (Get-NetTCPConnection: " + cmdletProblem + ")");
                }
            }
            case CommandResult r -> Outcome.unknown("cannot list listening sockets: " + cmdletProblem + "; " + r.describe());
        };
    }

    /** Pure: listeners and the high-risk ports to a finding; {@code source} names where the listeners came from. */
    static Outcome evaluate(List<Listener> listeners, Set<Integer> highRisk, String source) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("source", source);
        if (listeners.stream().allMatch(l -> l.process().isEmpty()) && !listeners.isEmpty()) {
            facts.put("process_owners", "not shown: " + source + " gives process ids only");
        }
        return ExposedPorts.evaluate(listeners, highRisk, facts, new ExposedPorts.Coverage.Complete());
    }
}
