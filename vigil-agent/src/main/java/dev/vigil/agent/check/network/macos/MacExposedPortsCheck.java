package dev.vigil.agent.check.network.macos;

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
 * {@code network.exposed-ports} on macOS: TCP listeners from {@code lsof -nP -iTCP -sTCP:LISTEN -F pcnt}, judged by
 * their bound address like on Linux: loopback only (127.0.0.0/8, ::1) is not exposed; a high-risk port (policy)
 * reachable beyond loopback fails, any other exposed port warns.
 *
 * <p>lsof without root lists only the current user's processes, so system daemons (sshd, screensharingd, smbd) are
 * invisible. Without root the check still reports what it did see when that already exposes a port (FAIL or WARN,
 * with {@code visibility} in the facts), but it never passes: "nothing exposed" is then UNKNOWN ("requires root").
 * lsof exits 1 with no output when nothing listens at all.
 */
public final class MacExposedPortsCheck implements Check {

    static final Command LSOF_LISTEN = Command.of("/usr/sbin/lsof", "-nP", "-iTCP", "-sTCP:LISTEN", "-F", "pcnt");

    @Override
    public String control() {
        return "network.exposed-ports";
    }

    @Override
    public Set<OsFamily> platforms() {
        return Set.of(OsFamily.MACOS);
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        List<MacListener> listeners;
        switch (probe.run(LSOF_LISTEN)) {
            case CommandResult.Completed c when c.ok() || nothingMatched(c) -> {
                try {
                    listeners = LsofListenParser.parse(c.stdout());
                } catch (ParseException e) {
                    return Outcome.unknown("unrecognised output from `" + LSOF_LISTEN.display() + "`: " + e.getMessage());
                }
            }
            case CommandResult other -> {
                return Outcome.unknown(other.describe());
            }
        }
        return evaluate(listeners, policy.highRiskPorts(), probe.elevated());
    }

    /** lsof exits 1 when no open file matched; warnings (e.g. about unreachable file systems) may come with it. */
    private static boolean nothingMatched(CommandResult.Completed c) {
        return c.exitCode() == 1 && c.stdout().isBlank()
                && c.stderr().lines().allMatch(l -> l.isBlank() || l.startsWith("lsof: WARNING"));
    }

    static Outcome evaluate(List<MacListener> listeners, Set<Integer> highRisk, boolean everyProcessVisible) {
        Map<Integer, Set<String>> exposed = new TreeMap<>();
        Set<Integer> loopbackOnly = new TreeSet<>();
        List<Map<String, Object>> all = new ArrayList<>();
        for (MacListener l : listeners) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("address", l.address());
            f.put("port", l.port());
            f.put("family", l.family());
            f.put("bound", l.scope().label);
            f.put("exposed", l.exposed());
            f.put("pid", l.pid());
            f.put("process", l.command());
            all.add(f);
            if (l.exposed()) {
                Set<String> names = exposed.computeIfAbsent(l.port(), p -> new TreeSet<>());
                if (!l.command().isBlank()) {
                    names.add(l.command());
                }
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
        String partly = "";
        if (!everyProcessVisible) {
            facts.put("visibility", "only the current user's processes: lsof sees other users' and system processes only as root");
            partly = " (only the current user's processes were visible: not root)";
        }

        if (!risky.isEmpty()) {
            String also = other.isEmpty() ? "" : "; also exposed: " + describe(other, exposed);
            return Outcome.fail("High-risk TCP ports are reachable beyond loopback: " + describe(risky, exposed) + also + partly + ".", facts);
        }
        if (!other.isEmpty()) {
            return Outcome.warn("TCP ports are reachable beyond loopback (none of them high-risk): " + describe(other, exposed) + partly + ".", facts);
        }
        if (!everyProcessVisible) {
            return Outcome.unknown("requires root: without it lsof lists only the current user's processes, and none of those ("
                    + listeners.size() + " listening " + (listeners.size() == 1 ? "socket" : "sockets") + ") listens beyond loopback", facts);
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
