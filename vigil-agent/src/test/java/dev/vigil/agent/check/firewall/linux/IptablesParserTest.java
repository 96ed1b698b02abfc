package dev.vigil.agent.check.firewall.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IptablesParserTest {

    @ParameterizedTest(name = "{0}: policy {1}, drops={2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # fixture                          | policy | drops | frontend | what it is
            iptables-s-input/policy-drop       | drop   | true  | - | -P INPUT DROP with accept rules
            iptables-s-input/accept-no-rules   | accept | false | - | the empty default
            iptables-s-input/rhel-catchall-reject | accept | true | - | policy ACCEPT, final -j REJECT --reject-with …
            iptables-s-input/ufw-policy-drop   | drop   | true  | ufw | ufw's jumps under policy DROP
            iptables-save/ufw-policy-drop      | drop   | true  | ufw | iptables-save format (rules.v4)
            """)
    void readsTheInputChain(String fixture, String policy, boolean drops, String frontend, String what) throws ParseException {
        Ruleset r = IptablesParser.parse(Fixtures.output("linux/" + fixture + ".txt"), "iptables", IpVersion.IPV4);

        assertThat(r.input()).singleElement().satisfies(c -> {
            assertThat(c.policy()).isEqualTo(policy);
            assertThat(c.drops()).isEqualTo(drops);
            assertThat(c.versions()).containsExactly(IpVersion.IPV4);
        });
        assertThat(r.frontend()).isEqualTo(Optional.ofNullable(frontend));
    }

    @ParameterizedTest(name = "{arguments}")
    @CsvSource(delimiter = '|', textBlock = """
            iptables-s-input/truncated-no-policy | rules without their -P line
            iptables-s-input/garbled | a usage error instead of rules
            iptables-s-input/not-root-nft-stderr | the permission error text
            iptables-s-input/not-root-legacy-stderr | the lock file error text
            """)
    void rejectsOutputWithoutAnInputPolicy(String fixture, String what) {
        assertThatThrownBy(() -> IptablesParser.parse(Fixtures.output("linux/" + fixture + ".txt"), "iptables", IpVersion.IPV4))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("INPUT chain's policy");
    }

    @Test
    void ignoresChainsOfOtherTablesInSaveFormat() throws ParseException {
        String save = "*nat\n:INPUT ACCEPT [0:0]\n-A INPUT -j DROP\nCOMMIT\n*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n";

        Ruleset r = IptablesParser.parse(save, "iptables", IpVersion.IPV4);

        assertThat(r.input().getFirst().drops()).isFalse();
    }

    @Test
    void treatsARuleWithAMatchAsConditional() throws ParseException {
        Ruleset r = IptablesParser.parse("-P INPUT ACCEPT\n-A INPUT -i eth0 -j DROP\n", "iptables", IpVersion.IPV4);

        assertThat(r.input().getFirst().drops()).isFalse();
    }

    @Test
    void namesIp6tablesChainsForIpv6() throws ParseException {
        Ruleset r = IptablesParser.parse("-P INPUT DROP\n", "iptables-legacy", IpVersion.IPV6);

        assertThat(r.input().getFirst().name()).isEqualTo("ip6tables-legacy filter INPUT");
    }

    @Test
    void rejectsAnUnknownPolicy() {
        assertThatThrownBy(() -> IptablesParser.parse("-P INPUT MAYBE\n", "iptables", IpVersion.IPV4))
                .isInstanceOf(ParseException.class).hasMessageContaining("MAYBE");
    }
}
