package dev.vigil.agent.check.firewall.linux;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.firewall.linux.InputChain.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the filter table's INPUT chain from {@code iptables -S INPUT} ({@code -P INPUT DROP}, then
 * {@code -A INPUT …} rules) or from {@code iptables-save} format ({@code *filter}, {@code :INPUT DROP [0:0]},
 * rules, {@code COMMIT}), as written by {@code iptables-save} and stored in {@code /etc/iptables/rules.v4}.
 * A rule is unconditional when it holds nothing but its target ({@code -j}/{@code -g}) and the target's
 * own options.
 */
final class IptablesParser {

    private IptablesParser() {
    }

    /**
     * @param text      the output or file
     * @param mechanism {@code iptables}, {@code iptables-legacy}, … (names the chain in facts)
     * @param version   which of iptables (IPv4) or ip6tables (IPv6) produced it
     */
    static Ruleset parse(String text, String mechanism, IpVersion version) throws ParseException {
        String table = "filter";
        String policy = null;
        Set<String> chains = new LinkedHashSet<>();
        List<Verdict> verdicts = new ArrayList<>();
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("*")) {
                table = line.substring(1).strip();
                continue;
            }
            if (!table.equals("filter")) {
                continue;
            }
            String[] t = line.split("\\s+");
            if (line.startsWith(":") && t.length >= 2) {
                String name = t[0].substring(1);
                chains.add(name);
                if (name.equals("INPUT")) {
                    policy = t[1];
                }
            } else if (t.length >= 3 && t[0].equals("-P") && t[1].equals("INPUT")) {
                chains.add("INPUT");
                policy = t[2];
            } else if (t.length >= 2 && t[0].equals("-N")) {
                chains.add(t[1]);
            } else if (t.length >= 2 && t[0].equals("-A")) {
                chains.add(t[1]);
                jumpTarget(t).ifPresent(chains::add);
                if (t[1].equals("INPUT")) {
                    unconditional(t).ifPresent(verdicts::add);
                }
            }
        }
        if (policy == null) {
            throw new ParseException("expected the INPUT chain's policy (`-P INPUT …` or `:INPUT …`) in " + mechanism + " output");
        }
        if (!policy.equals("ACCEPT") && !policy.equals("DROP")) {
            throw new ParseException("expected ACCEPT or DROP as the INPUT policy in " + mechanism + " output, got '" + policy + "'");
        }
        String tool = version == IpVersion.IPV4 ? mechanism : mechanism.replace("iptables", "ip6tables");
        InputChain input = InputChain.of(tool + " filter INPUT", Set.of(version), policy, verdicts);
        return new Ruleset(mechanism, List.of((version == IpVersion.IPV4 ? "ip" : "ip6") + " filter"),
                List.copyOf(chains), List.of(input));
    }

    /** A user chain a rule jumps or goes to ({@code -S INPUT} lists no other chain, yet ufw's give it away). */
    private static Optional<String> jumpTarget(String[] t) {
        for (int i = 2; i + 1 < t.length; i++) {
            if ((t[i].equals("-j") || t[i].equals("-g")) && !t[i + 1].equals(t[i + 1].toUpperCase(Locale.ROOT))) {
                return Optional.of(t[i + 1]);
            }
        }
        return Optional.empty();
    }

    /** {@code -A INPUT -j TARGET [target options]}: the target, when nothing restricts which packets reach it. */
    private static Optional<Verdict> unconditional(String[] t) {
        if (t.length < 4 || !(t[2].equals("-j") || t[2].equals("-g"))) {
            return Optional.empty();
        }
        for (int i = 4; i < t.length; i++) {
            // only the target's own options may follow (--reject-with, --log-prefix, …); a match (-m, -p, -i, !) may not
            if (t[i].startsWith("-") && !t[i].startsWith("--")) {
                return Optional.empty();
            }
            if (t[i].equals("!")) {
                return Optional.empty();
            }
        }
        String target = t[3];
        if (t[2].equals("-g")) {
            return Optional.of(Verdict.END);
        }
        return Optional.of(switch (target) {
            case "ACCEPT" -> Verdict.ACCEPT;
            case "DROP" -> Verdict.DROP;
            case "REJECT" -> Verdict.REJECT;
            case "RETURN" -> Verdict.END;
            default -> Verdict.CONTINUE;
        });
    }
}
