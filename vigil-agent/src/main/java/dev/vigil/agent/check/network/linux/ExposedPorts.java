package dev.vigil.agent.check.network.linux;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.probe.SocketOwner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Evaluates listeners against the policy's high-risk ports: any high-risk port reachable beyond
 * loopback fails, any other exposed port warns, loopback-only listeners pass. The detail names each
 * port once (a service usually listens on both IPv4 and IPv6) with its process when known; the facts
 * list every socket.
 */
final class ExposedPorts {

    private ExposedPorts() {
    }

    /**
     * @param owners      socket owners by inode (empty when not root)
     * @param ownersKnown whether owners could be looked up at all (root on a live system)
     */
    static Outcome evaluate(List<Listener> listeners, Map<Long, SocketOwner> owners, boolean ownersKnown,
            Set<Integer> highRisk, List<String> notes) {
        Map<Integer, Set<String>> exposed = new TreeMap<>();
        Set<Integer> loopbackOnly = new TreeSet<>();
        List<Map<String, Object>> all = new ArrayList<>();
        for (Listener l : listeners) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("address", l.address());
            f.put("port", l.port());
            f.put("family", l.family());
            f.put("bound", l.scope().label);
            f.put("exposed", l.exposed());
            SocketOwner owner = owners.get(l.inode());
            if (owner != null) {
                f.put("process", owner.name());
                f.put("pid", owner.pid());
            }
            all.add(f);
            if (l.exposed()) {
                Set<String> names = exposed.computeIfAbsent(l.port(), p -> new TreeSet<>());
                if (owner != null) {
                    names.add(owner.name());
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
        if (!ownersKnown) {
            facts.put("process_owners", "not shown: finding the process behind a socket requires root");
        }
        if (!notes.isEmpty()) {
            facts.put("notes", notes);
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
