package dev.vigil.agent.check.firewall.linux;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A netfilter chain on the input hook and what finally happens to an inbound packet that no earlier
 * rule accepted.
 *
 * @param name      where it lives, e.g. {@code inet filter input} or {@code iptables-legacy filter INPUT}
 * @param versions  the IP versions it sees ({@code inet} tables see both)
 * @param policy    its declared policy, lowercase ({@code accept} or {@code drop})
 * @param unmatched what happens to a packet that reaches the end
 * @param basis     why, in words: "policy drop", "a final catch-all reject rule after policy accept", …
 */
record InputChain(String name, Set<IpVersion> versions, String policy, Unmatched unmatched, String basis) {

    /** The fate of a packet that no specific rule accepted. */
    enum Unmatched { DROPPED, ACCEPTED }

    InputChain {
        Objects.requireNonNull(name, "name");
        versions = Set.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("input chain " + name + " sees no IP version");
        }
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(unmatched, "unmatched");
        Objects.requireNonNull(basis, "basis");
    }

    boolean drops() {
        return unmatched == Unmatched.DROPPED;
    }

    Map<String, Object> fact() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chain", name);
        m.put("ip_versions", versions.stream().sorted().map(IpVersion::label).toList());
        m.put("policy", policy);
        m.put("unmatched_packets", unmatched == Unmatched.DROPPED ? "dropped" : "accepted");
        m.put("basis", basis);
        return m;
    }

    /** Decides a base chain's fate from its policy and the verdicts of its unconditional rules, in order. */
    static InputChain of(String name, Set<IpVersion> versions, String policy, List<Verdict> unconditional) {
        String p = policy.toLowerCase(Locale.ROOT);
        boolean policyDrops = p.equals("drop") || p.equals("reject");
        for (Verdict v : unconditional) {
            switch (v) {
                case ACCEPT -> {
                    return new InputChain(name, versions, p, Unmatched.ACCEPTED,
                            "a rule accepts every packet before the policy" + (policyDrops ? " (policy " + p + " never applies)" : ""));
                }
                case DROP, REJECT -> {
                    String what = v.name().toLowerCase(Locale.ROOT);
                    return new InputChain(name, versions, p, Unmatched.DROPPED,
                            policyDrops ? "policy " + p : "a final catch-all " + what + " rule after policy " + p);
                }
                case END -> {
                    return byPolicy(name, versions, p, policyDrops);
                }
                case CONTINUE -> {
                    // a jump returns here, a counter or log only counts: the next rule decides
                }
            }
        }
        return byPolicy(name, versions, p, policyDrops);
    }

    private static InputChain byPolicy(String name, Set<IpVersion> versions, String p, boolean drops) {
        return new InputChain(name, versions, p, drops ? Unmatched.DROPPED : Unmatched.ACCEPTED, "policy " + p);
    }

    /** What an unconditional rule does to every packet that reaches it. */
    enum Verdict {
        ACCEPT,
        DROP,
        REJECT,
        /** goto or return: the rest of the chain is skipped and the policy applies */
        END,
        /** jump, counter, log: the packet goes on to the next rule */
        CONTINUE
    }
}
