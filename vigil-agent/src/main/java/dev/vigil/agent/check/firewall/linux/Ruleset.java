package dev.vigil.agent.check.firewall.linux;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The input chains one netfilter tool reported.
 *
 * @param mechanism  {@code nftables}, {@code iptables} or {@code iptables-legacy}
 * @param tables     tables it listed, e.g. {@code inet filter}
 * @param chainNames every chain name it listed, used to recognise ufw and firewalld
 * @param input      the chains on the input hook
 */
record Ruleset(String mechanism, List<String> tables, List<String> chainNames, List<InputChain> input) {

    Ruleset {
        Objects.requireNonNull(mechanism, "mechanism");
        tables = List.copyOf(tables);
        chainNames = List.copyOf(chainNames);
        input = List.copyOf(input);
    }

    /** The front end that wrote these rules, when its chain or table names give it away. */
    Optional<String> frontend() {
        if (tables.stream().anyMatch(t -> t.endsWith(" firewalld"))
                || chainNames.stream().anyMatch(c -> c.equals("INPUT_ZONES") || c.equals("filter_INPUT_ZONES"))) {
            return Optional.of("firewalld");
        }
        if (chainNames.stream().anyMatch(c -> c.startsWith("ufw-") || c.startsWith("ufw6-"))) {
            return Optional.of("ufw");
        }
        return Optional.empty();
    }
}
