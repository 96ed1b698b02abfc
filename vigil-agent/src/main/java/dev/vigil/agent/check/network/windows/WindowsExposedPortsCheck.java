package dev.vigil.agent.check.network.windows;

import dev.vigil.agent.check.Check;
import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code network.exposed-ports} on Windows, with the rules of the Linux check: a listener bound to loopback only is
 * not exposed; an exposed port in the policy's high-risk list fails, any other exposed port warns. Windows itself
 * listens on 135 (RPC) and often 445 (SMB) and 139; they get no special treatment, the policy decides.
 *
 * <p>Sources: {@code Get-NetTCPConnection -State Listen} with process names joined in the same script (no elevation
 * needed for either); {@code netstat -ano} (process ids only) when the cmdlet is missing or fails. UDP is not covered.
 */
public final class WindowsExposedPortsCheck implements Check {

    /**
     * Stops at the first error, so a failure is an exit code rather than partial output; with nothing listening the
     * cmdlet errors too, and netstat then gives the (empty) answer.
     */
    static final String SCRIPT = "$ErrorActionPreference = 'Stop'; $names = @{}; Get-Process | ForEach-Object { $names[[int]$_.Id] = "
            + "$_.ProcessName }; Get-NetTCPConnection -State Listen | Select-Object LocalAddress, LocalPort, OwningProcess, "
            + "@{Name='ProcessName'; Expression={ $names[[int]$_.OwningProcess] }} | ConvertTo-Json";
    static final Command CMDLET = Command.powershell(SCRIPT);
    static final Command NETSTAT = Command.of("netstat", "-ano");

    @Override
    public String control() {
        return "network.exposed-ports";
    }

    @Override
    public Set<OsFamily> platforms() {
        return Set.of(OsFamily.WINDOWS);
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.LIVE_SYSTEM);
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

    /** Pure: listeners and the high-risk ports to a finding; the detail names each port once, with its processes. */
    static Outcome evaluate(List<TcpListener> listeners, Set<Integer> highRisk, String source) {
        Map<Integer, Set<String>> exposed = new TreeMap<>();
        Set<Integer> loopbackOnly = new TreeSet<>();
        List<Map<String, Object>> all = new ArrayList<>();
        for (TcpListener l : listeners) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("address", l.address());
            f.put("port", l.port());
            f.put("family", l.family());
            f.put("bound", l.scope().label);
            f.put("exposed", l.exposed());
            l.process().ifPresent(p -> f.put("process", p));
            if (l.pid() >= 0) {
                f.put("pid", l.pid());
            }
            all.add(f);
            if (l.exposed()) {
                Set<String> names = exposed.computeIfAbsent(l.port(), p -> new TreeSet<>());
                l.process().ifPresent(names::add);
            } else {
                loopbackOnly.add(l.port());
            }
        }
        loopbackOnly.removeAll(exposed.keySet());
        List<Integer> risky = exposed.keySet().stream().filter(highRisk::contains).toList();
        List<Integer> other = exposed.keySet().stream().filter(p -> !highRisk.contains(p)).toList();

        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("listeners", all);
        facts.put("exposed_high_risk_ports", risky);
        facts.put("exposed_other_ports", other);
        facts.put("loopback_only_ports", List.copyOf(loopbackOnly));
        facts.put("source", source);
        if (listeners.stream().allMatch(l -> l.process().isEmpty()) && !listeners.isEmpty()) {
            facts.put("process_owners", "not shown: " + source + " gives process ids only");
        }
        if (!risky.isEmpty()) {
            String also = other.isEmpty() ? "" : "; also exposed: " + describe(other, exposed);
            return Outcome.fail("High-risk TCP ports are reachable beyond loopback: " + describe(risky, exposed) + also + ".", facts);
        }
        if (!other.isEmpty()) {
            return Outcome.warn("TCP ports are reachable beyond loopback (none of them high-risk): " + describe(other, exposed) + ".", facts);
        }
        if (listeners.isEmpty()) {
            return Outcome.pass("No TCP port is listening.", facts);
        }
        return Outcome.pass("No TCP port is reachable beyond loopback (" + loopbackOnly.size() + " loopback-only "
                + (loopbackOnly.size() == 1 ? "port" : "ports") + ").", facts);
    }

    private static String describe(List<Integer> ports, Map<Integer, Set<String>> names) {
        return ports.stream()
                .map(p -> names.get(p).isEmpty() ? String.valueOf(p) : p + " (" + String.join(", ", names.get(p)) + ")")
                .collect(Collectors.joining(", "));
    }
}
