package dev.vigil.agent.check.network.linux;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.check.network.ExposedPorts;
import dev.vigil.agent.check.network.Listener;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.agent.probe.SocketOwner;
import dev.vigil.core.report.OsFamily;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code network.exposed-ports} on Linux: TCP listeners from {@code /proc/net/tcp} and {@code /proc/net/tcp6}
 * (instant to read, no command), judged by their bound address; owners from {@code /proc/PID/fd} when root.
 * UDP is not covered. A missing {@code tcp6} means IPv6 is disabled, which is fine; a missing {@code tcp} is UNKNOWN.
 */
public final class LinuxExposedPortsCheck extends PlatformCheck {

    static final String TCP = "/proc/net/tcp";
    static final String TCP6 = "/proc/net/tcp6";

    /** Architectures whose kernels write /proc/net/tcp addresses big-endian. */
    private static final Set<String> BIG_ENDIAN = Set.of("s390x", "s390", "ppc64", "ppc", "sparc64", "mips", "mips64");

    public LinuxExposedPortsCheck() {
        super("network.exposed-ports", OsFamily.LINUX, Need.LIVE_SYSTEM);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        ByteOrder order = BIG_ENDIAN.contains(probe.arch()) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        List<Socket> sockets = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            switch (probe.readFile(TCP)) {
                case FileResult.Content c -> sockets.addAll(ProcNetTcpParser.parse(c.text(), "ipv4", order));
                case FileResult other -> {
                    return Outcome.unknown(other.describe());
                }
            }
            switch (probe.readFile(TCP6)) {
                case FileResult.Content c -> sockets.addAll(ProcNetTcpParser.parse(c.text(), "ipv6", order));
                case FileResult.Missing m -> notes.add(TCP6 + " does not exist: IPv6 is disabled");
                case FileResult other -> {
                    return Outcome.unknown(other.describe());
                }
            }
        } catch (ParseException e) {
            return Outcome.unknown("unrecognised listening sockets table: " + e.getMessage());
        }
        boolean ownersKnown = probe.elevated();
        Map<Long, SocketOwner> owners = ownersKnown && !sockets.isEmpty() ? probe.socketOwners() : Map.of();
        if (ownersKnown && !sockets.isEmpty() && sockets.stream().noneMatch(s -> owners.containsKey(s.inode()))) {
            notes.add("no process could be matched to the listening sockets (they may belong to another network namespace)");
        }
        return evaluate(sockets, owners, ownersKnown, policy.highRiskPorts(), notes);
    }

    /**
     * Pure: the sockets with their owners to a finding.
     *
     * @param owners      socket owners by inode (empty when not root)
     * @param ownersKnown whether owners could be looked up at all (root on a live system)
     */
    static Outcome evaluate(List<Socket> sockets, Map<Long, SocketOwner> owners, boolean ownersKnown, Set<Integer> highRisk,
            List<String> notes) {
        List<Listener> listeners = sockets.stream().map(s -> {
            SocketOwner owner = owners.get(s.inode());
            return owner == null ? s.listener() : s.listener().ownedBy(owner.pid(), owner.name());
        }).toList();
        Map<String, Object> facts = new LinkedHashMap<>();
        if (!ownersKnown) {
            facts.put("process_owners", "not shown: finding the process behind a socket requires root");
        }
        if (!notes.isEmpty()) {
            facts.put("notes", notes);
        }
        return ExposedPorts.evaluate(listeners, highRisk, facts, new ExposedPorts.Coverage.Complete());
    }
}
