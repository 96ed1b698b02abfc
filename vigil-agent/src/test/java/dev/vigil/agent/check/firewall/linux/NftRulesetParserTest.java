package dev.vigil.agent.check.firewall.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NftRulesetParserTest {

    @ParameterizedTest(name = "{0}: ipv4 drops={1}, ipv6 drops={2}, frontend={3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # fixture                         | ipv4  | ipv6  | frontend  | what it is
            inet-input-drop                   | true  | true  | - | inet filter input, policy drop
            debian-default-accept             | false | false | - | Debian's shipped nftables.conf: policy accept, no rules
            firewalld-catchall-reject         | true  | true  | firewalld | policy accept, final unconditional reject
            ipv4-drop-ipv6-accept             | true  | false | - | ip table drops, ip6 table accepts
            drop-policy-accept-all-rule       | false | false | - | policy drop made moot by `counter accept`
            no-input-hook                     | false | false | - | netdev ingress and nat prerouting only
            empty                             | false | false | - | metainfo only
            iptables-nft-drop                 | true  | true  | - | iptables-nft: ip/ip6 filter INPUT policy drop
            iptables-nft-catchall-reject      | true  | false | - | iptables-nft: -j REJECT as an xt target after policy accept
            kolide-ip-filter-accept           | false | false | - | public sample: ip filter INPUT policy accept
            """)
    void readsWhetherUnmatchedInboundPacketsAreDropped(String fixture, boolean v4, boolean v6, String frontend, String what) throws ParseException {
        Ruleset r = NftRulesetParser.parse(Fixtures.output("linux/nft-list-ruleset/" + fixture + ".txt"));

        assertThat(r.mechanism()).isEqualTo("nftables");
        assertThat(drops(r, IpVersion.IPV4)).as("IPv4 dropped").isEqualTo(v4);
        assertThat(drops(r, IpVersion.IPV6)).as("IPv6 dropped").isEqualTo(v6);
        assertThat(r.frontend()).isEqualTo(Optional.ofNullable(frontend));
    }

    @ParameterizedTest(name = "{arguments}")
    @CsvSource(delimiter = '|', textBlock = """
            garbled-text-format | expected JSON | nft's text format instead of JSON
            truncated           | expected JSON | output cut off mid-object
            not-root-stderr     | expected JSON | the error text, had it landed on stdout
            """)
    void rejectsOutputThatIsNotTheJsonRuleset(String fixture, String message, String what) {
        assertThatThrownBy(() -> NftRulesetParser.parse(Fixtures.output("linux/nft-list-ruleset/" + fixture + ".txt")))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining(message);
    }

    @Test
    void rejectsJsonWithoutTheNftablesArray() {
        assertThatThrownBy(() -> NftRulesetParser.parse("{\"rules\": []}")).isInstanceOf(ParseException.class)
                .hasMessageContaining("\"nftables\" array");
        assertThatThrownBy(() -> NftRulesetParser.parse("")).isInstanceOf(ParseException.class);
    }

    @Test
    void explainsACatchAllRuleAfterAnAcceptPolicy() throws ParseException {
        Ruleset r = NftRulesetParser.parse(Fixtures.output("linux/nft-list-ruleset/firewalld-catchall-reject.txt"));

        assertThat(r.input()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("inet firewalld filter_INPUT");
            assertThat(c.policy()).isEqualTo("accept");
            assertThat(c.basis()).isEqualTo("a final catch-all reject rule after policy accept");
        });
    }

    @Test
    void saysWhenARuleAcceptsEverythingBeforeADropPolicy() throws ParseException {
        Ruleset r = NftRulesetParser.parse(Fixtures.output("linux/nft-list-ruleset/drop-policy-accept-all-rule.txt"));

        assertThat(r.input()).singleElement().satisfies(c -> assertThat(c.basis()).contains("accepts every packet")
                .contains("policy drop never applies"));
    }

    static boolean drops(Ruleset r, IpVersion v) {
        return r.input().stream().anyMatch(c -> c.versions().contains(v) && c.drops());
    }
}
