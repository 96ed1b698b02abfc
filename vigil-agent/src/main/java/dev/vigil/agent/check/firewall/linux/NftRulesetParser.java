package dev.vigil.agent.check.firewall.linux;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.firewall.linux.InputChain.Verdict;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code nft -j list ruleset}: the tables, every chain name, and for each filter chain on the
 * input hook its policy and the verdicts of its unconditional rules (a rule is unconditional when it
 * holds nothing but counters, logging and a verdict). Other objects (sets, maps, flowtables) are skipped.
 */
final class NftRulesetParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> PASSIVE_STATEMENTS = Set.of("counter", "log");

    private NftRulesetParser() {
    }

    static Ruleset parse(String json) throws ParseException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new ParseException("expected JSON from `nft -j list ruleset`: " + e.getOriginalMessage(), e);
        }
        JsonNode items = root == null ? null : root.get("nftables");
        if (items == null || !items.isArray()) {
            throw new ParseException("expected a JSON object with an \"nftables\" array from `nft -j list ruleset`");
        }
        List<String> tables = new ArrayList<>();
        List<String> chainNames = new ArrayList<>();
        Map<String, BaseChain> inputChains = new LinkedHashMap<>();
        Map<String, List<Verdict>> verdicts = new LinkedHashMap<>();
        for (JsonNode item : items) {
            if (item.get("table") instanceof JsonNode t && t.isObject()) {
                tables.add(text(t, "family") + " " + text(t, "name"));
            } else if (item.get("chain") instanceof JsonNode c && c.isObject()) {
                chainNames.add(text(c, "name"));
                inputChain(c).ifPresent(b -> inputChains.put(b.key(), b));
            } else if (item.get("rule") instanceof JsonNode r && r.isObject()) {
                String key = text(r, "family") + " " + text(r, "table") + " " + text(r, "chain");
                unconditionalVerdict(r.get("expr")).ifPresent(v -> verdicts.computeIfAbsent(key, k -> new ArrayList<>()).add(v));
            }
        }
        List<InputChain> input = new ArrayList<>();
        for (BaseChain b : inputChains.values()) {
            input.add(InputChain.of(b.key(), b.versions(), b.policy(), verdicts.getOrDefault(b.key(), List.of())));
        }
        return new Ruleset("nftables", tables, chainNames, input);
    }

    private record BaseChain(String key, Set<IpVersion> versions, String policy) {
    }

    private static Optional<BaseChain> inputChain(JsonNode c) {
        if (!"input".equals(text(c, "hook")) || !"filter".equals(text(c, "type"))) {
            return Optional.empty();
        }
        Set<IpVersion> versions = switch (text(c, "family")) {
            case "ip" -> EnumSet.of(IpVersion.IPV4);
            case "ip6" -> EnumSet.of(IpVersion.IPV6);
            case "inet" -> EnumSet.allOf(IpVersion.class);
            default -> EnumSet.noneOf(IpVersion.class);
        };
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        String policy = c.hasNonNull("policy") ? text(c, "policy") : "accept";
        return Optional.of(new BaseChain(text(c, "family") + " " + text(c, "table") + " " + text(c, "name"), versions, policy));
    }

    /** The verdict of a rule that applies to every packet, or empty when the rule matches only some. */
    private static Optional<Verdict> unconditionalVerdict(JsonNode expr) {
        if (expr == null || !expr.isArray() || expr.isEmpty()) {
            return Optional.empty();
        }
        Verdict verdict = null;
        for (JsonNode statement : expr) {
            if (!statement.isObject() || statement.size() != 1 || verdict != null) {
                return Optional.empty();
            }
            String kind = statement.fieldNames().next();
            if (PASSIVE_STATEMENTS.contains(kind)) {
                continue;
            }
            verdict = switch (kind) {
                case "accept" -> Verdict.ACCEPT;
                case "drop" -> Verdict.DROP;
                case "reject" -> Verdict.REJECT;
                case "goto", "return" -> Verdict.END;
                case "jump", "continue" -> Verdict.CONTINUE;
                case "xt" -> xtTarget(statement.get("xt"));
                default -> null;
            };
            if (verdict == null) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(verdict);
    }

    /** iptables-nft shows {@code -j REJECT} as an xtables target; its matches make a rule conditional. */
    private static Verdict xtTarget(JsonNode xt) {
        if (xt == null || !"target".equals(text(xt, "type"))) {
            return null;
        }
        return switch (text(xt, "name")) {
            case "REJECT" -> Verdict.REJECT;
            case "DROP" -> Verdict.DROP;
            case "ACCEPT" -> Verdict.ACCEPT;
            default -> null;
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
