package dev.vigil.agent.check.network;

import dev.vigil.agent.check.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Evaluates listeners against the policy's high-risk ports, the same on every platform: any high-risk port
 * reachable beyond loopback fails, any other exposed port warns, loopback-only listeners pass. The detail names each
 * port once (a service usually listens on both IPv4 and IPv6) with its processes when known; the facts list every
 * socket, then what the platform adds (where the list came from, what it could not see).
 */
public final class ExposedPorts {

    private ExposedPorts() {
    }

    /** How much of the host's listening sockets the source could see. */
    public sealed interface Coverage {
        /** Every listening socket on the host. */
        record Complete() implements Coverage {
        }

        /**
         * Only some processes' sockets (macOS lsof without root): what is seen exposed still fails or warns, with
         * {@code detailNote} appended to the detail, but "nothing exposed" cannot be concluded and is UNKNOWN.
         *
         * @param detailNote    appended to a FAIL or WARN detail, e.g. {@code " (only ... visible: not root)"}
         * @param unknownReason starts the UNKNOWN reason; the evaluator adds how many sockets were seen
         */
        record Partial(String detailNote, String unknownReason) implements Coverage {
            public Partial {
                Objects.requireNonNull(detailNote, "detailNote");
                Objects.requireNonNull(unknownReason, "unknownReason");
            }
        }
    }

    /**
     * Pure: listeners and the high-risk ports to a finding.
     *
     * @param platformFacts facts the platform adds after the port lists, in order (e.g. {@code source}, {@code notes})
     */
    public static Outcome evaluate(List<Listener> listeners, Set<Integer> highRisk, Map<String, Object> platformFacts,
            Coverage coverage) {
        Map<Integer, Set<String>> exposed = new TreeMap<>();
        Set<Integer> loopbackOnly = new TreeSet<>();
        List<Map<String, Object>> all = new ArrayList<>();
        for (Listener l : listeners) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("address", l.address());
            f.put("port", l.port());
            f.put("family", l.family());
            f.put("bound", l.scope().label());
            f.put("exposed", l.exposed());
            l.process().ifPresent(p -> f.put("process", p));
            l.pid().ifPresent(p -> f.put("pid", p));
            all.add(f);
            if (l.exposed()) {
                Set<String> names = exposed.computeIfAbsent(l.port(), p -> new TreeSet<>());
                l.process().filter(p -> !p.isBlank()).ifPresent(names::add);
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
        facts.putAll(platformFacts);
        String partly = coverage instanceof Coverage.Partial p ? p.detailNote() : "";

        if (!risky.isEmpty()) {
            String also = other.isEmpty() ? "" : "; also exposed: " + describe(other, exposed);
            return Outcome.fail("High-risk TCP ports are reachable beyond loopback: " + describe(risky, exposed) + also + partly + ".", facts);
        }
        if (!other.isEmpty()) {
            return Outcome.warn("TCP ports are reachable beyond loopback (none of them high-risk): " + describe(other, exposed) + partly + ".", facts);
        }
        if (coverage instanceof Coverage.Partial p) {
            return Outcome.unknown(p.unknownReason() + ", and none of those (" + listeners.size() + " listening "
                    + (listeners.size() == 1 ? "socket" : "sockets") + ") listens beyond loopback", facts);
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
