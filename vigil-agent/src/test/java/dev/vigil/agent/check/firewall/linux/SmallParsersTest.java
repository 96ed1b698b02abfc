package dev.vigil.agent.check.firewall.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.testing.Fixtures;
import org.junit.jupiter.api.Test;

class SmallParsersTest {

    @Test
    void findsInterfacesHoldingIpv6AddressesBesidesLoopback() {
        assertThat(IfInet6Parser.nonLoopbackInterfaces(Fixtures.output("linux/if_inet6/eth0-and-lo.txt"))).containsExactly("eth0");
        assertThat(IfInet6Parser.nonLoopbackInterfaces(Fixtures.output("linux/if_inet6/loopback-only.txt"))).isEmpty();
        assertThat(IfInet6Parser.nonLoopbackInterfaces("")).isEmpty();
    }

    @Test
    void readsShellAssignmentsWithQuotesAndComments() {
        String ufwDefault = """
                # /etc/default/ufw
                IPV6=yes
                DEFAULT_INPUT_POLICY="DROP"
                DEFAULT_OUTPUT_POLICY='ACCEPT'
                ENABLED=yes # trailing comment
                not an assignment
                """;

        assertThat(ShellAssignmentsParser.parse(ufwDefault))
                .containsEntry("DEFAULT_INPUT_POLICY", "DROP")
                .containsEntry("DEFAULT_OUTPUT_POLICY", "ACCEPT")
                .containsEntry("ENABLED", "yes")
                .hasSize(4);
    }
}
