package dev.vigil.agent.check.firewall.linux;

import dev.vigil.agent.testing.ParserProperties;
import dev.vigil.core.testing.RandomInputs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No text makes the firewall parsers throw anything but their ParseException. */
class FirewallParsersPropertyTest {

    private static final List<String> JSON_SHAPES = List.of("{\"nftables\": [",
            "{\"nftables\": [{\"chain\": {\"hook\": \"input\", \"type\": \"filter\", \"family\": \"inet\"}}]}",
            "{\"nftables\": [{\"rule\": {\"expr\": [{\"drop\": null}, {\"accept\": null}]}}]}",
            "{\"nftables\": [{\"rule\": {\"expr\": [{\"xt\": 5}]}}]}", "{\"nftables\": 7}", "[]", "null");

    @Test
    void nftParserFailsOnlyWithParseException() {
        List<String> inputs = new ArrayList<>(ParserProperties.inputs("linux/nft-list-ruleset/inet-input-drop.txt",
                "linux/nft-list-ruleset/firewalld-catchall-reject.txt", "linux/nft-list-ruleset/ipv4-drop-ipv6-accept.txt"));
        inputs.addAll(RandomInputs.fromAlphabet("{}[]\":, nftableschainrulehookinputpolicydropexpr0123", 300, 1, 500));
        inputs.addAll(JSON_SHAPES);
        ParserProperties.throwsOnlyParseExceptionOn(NftRulesetParser::parse, inputs);
    }

    @Test
    void iptablesParserFailsOnlyWithParseException() {
        List<String> inputs = new ArrayList<>(ParserProperties.inputs("linux/iptables-s-input/policy-drop.txt",
                "linux/iptables-s-input/rhel-catchall-reject.txt"));
        inputs.addAll(iptablesish());
        ParserProperties.throwsOnlyParseExceptionOn(text -> IptablesParser.parse(text, "iptables", IpVersion.IPV4), inputs);
    }

    @Test
    void smallParsersNeverFail() {
        List<String> inputs = new ArrayList<>(iptablesish());
        inputs.addAll(ParserProperties.inputs("linux/if_inet6/eth0-and-lo.txt"));
        for (String text : inputs) {
            ShellAssignmentsParser.parse(text);
            IfInet6Parser.nonLoopbackInterfaces(text);
        }
    }

    private static List<String> iptablesish() {
        return RandomInputs.fromAlphabet("-PAINPUTDROPACCEPTj*:filter \n=#\"'", 300, 2, 500);
    }
}
