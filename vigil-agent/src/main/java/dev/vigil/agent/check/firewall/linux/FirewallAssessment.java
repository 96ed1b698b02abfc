package dev.vigil.agent.check.firewall.linux;

import dev.vigil.agent.check.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns what the netfilter tools listed into a finding. Several base chains may sit on the input hook
 * (an {@code inet filter} table next to firewalld's, iptables-nft next to legacy iptables); a packet
 * must pass all of them, so one chain that drops unmatched packets is enough for its IP version.
 * IPv4 decides PASS or FAIL; IPv6 left open while the host has IPv6 addresses makes it WARN.
 */
final class FirewallAssessment {

    private FirewallAssessment() {
    }

    /**
     * @param rulesets       what nft and/or iptables reported
     * @param ipv6Interfaces interfaces other than loopback holding IPv6 addresses, when known
     * @param notes          what else was tried and how it went (facts only)
     */
    static Outcome evaluate(List<Ruleset> rulesets, Optional<List<String>> ipv6Interfaces, List<String> notes) {
        List<InputChain> chains = rulesets.stream().flatMap(r -> r.input().stream()).toList();
        Optional<Ruleset> v4 = dropping(rulesets, IpVersion.IPV4);
        Optional<Ruleset> v6 = dropping(rulesets, IpVersion.IPV6);
        Optional<String> frontend = rulesets.stream().map(Ruleset::frontend).flatMap(Optional::stream).findFirst();

        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("state", "running");
        facts.put("mechanism", v4.or(() -> rulesets.stream().findFirst()).map(Ruleset::mechanism).orElse("none"));
        frontend.ifPresent(f -> facts.put("frontend", f));
        facts.put("ipv4_input", v4.isPresent() ? "filtered" : "not filtered");
        facts.put("ipv6_input", v6.isPresent() ? "filtered" : visible(chains, IpVersion.IPV6) ? "not filtered" : "no IPv6 input chain seen");
        ipv6Interfaces.ifPresent(i -> facts.put("ipv6_interfaces", i));
        facts.put("input_chains", chains.stream().map(InputChain::fact).toList());
        facts.put("tables", rulesets.stream().flatMap(r -> r.tables().stream()).toList());
        if (!notes.isEmpty()) {
            facts.put("notes", notes);
        }

        if (v4.isEmpty()) {
            String mech = rulesets.stream().map(Ruleset::mechanism).distinct().collect(Collectors.joining(" and "));
            String why = !visible(chains, IpVersion.IPV4)
                    ? mech + " has no filter chain on the IPv4 input hook"
                    : "every input chain lets through what its rules do not match (" + describe(chains, IpVersion.IPV4) + ")";
            return Outcome.fail("Nothing filters inbound IPv4 traffic: " + why + ".", facts);
        }
        String by = v4.get().mechanism() + frontend.map(f -> " (managed by " + f + ")").orElse("")
                + ", " + describeDropping(chains);
        boolean ipv6InUse = ipv6Interfaces.map(i -> !i.isEmpty()).orElse(false);
        if (v6.isEmpty() && ipv6InUse) {
            return Outcome.warn("Inbound IPv4 that no rule allows is dropped but IPv6 is not, and "
                    + String.join(", ", ipv6Interfaces.get()) + " hold IPv6 addresses (" + by + ").", facts);
        }
        return Outcome.pass("Inbound traffic that no rule allows is dropped by " + by + ".", facts);
    }

    private static Optional<Ruleset> dropping(List<Ruleset> rulesets, IpVersion v) {
        return rulesets.stream()
                .filter(r -> r.input().stream().anyMatch(c -> c.versions().contains(v) && c.drops()))
                .findFirst();
    }

    private static boolean visible(List<InputChain> chains, IpVersion v) {
        return chains.stream().anyMatch(c -> c.versions().contains(v));
    }

    private static String describe(List<InputChain> chains, IpVersion v) {
        return chains.stream().filter(c -> c.versions().contains(v))
                .map(c -> c.name() + ": " + c.basis()).collect(Collectors.joining("; "));
    }

    private static String describeDropping(List<InputChain> chains) {
        return chains.stream().filter(InputChain::drops)
                .map(c -> c.name() + ": " + c.basis()).collect(Collectors.joining("; "));
    }
}
