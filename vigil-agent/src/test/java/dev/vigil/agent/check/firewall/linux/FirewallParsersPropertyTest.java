package dev.vigil.agent.check.firewall.linux;

import dev.vigil.agent.check.ParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FirewallParsersPropertyTest {

    @Property(tries = 500)
    void nftParserFailsOnlyWithParseException(@ForAll("jsonish") String text) {
        try {
            NftRulesetParser.parse(text);
        } catch (ParseException expected) {
            // the only failure allowed
        }
    }

    @Property(tries = 500)
    void iptablesParserFailsOnlyWithParseException(@ForAll("iptablesish") String text) {
        try {
            IptablesParser.parse(text, "iptables", IpVersion.IPV4);
        } catch (ParseException expected) {
            // the only failure allowed
        }
    }

    @Property(tries = 300)
    void smallParsersNeverFail(@ForAll("iptablesish") String text) {
        ShellAssignmentsParser.parse(text);
        IfInet6Parser.nonLoopbackInterfaces(text);
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("{}[]\":, nftableschainrulehookinputpolicydropexpr0123").ofMaxLength(300),
                Arbitraries.of("{\"nftables\": [", "{\"nftables\": [{\"chain\": {\"hook\": \"input\", \"type\": \"filter\", \"family\": \"inet\"}}]}",
                        "{\"nftables\": [{\"rule\": {\"expr\": [{\"drop\": null}, {\"accept\": null}]}}]}",
                        "{\"nftables\": [{\"rule\": {\"expr\": [{\"xt\": 5}]}}]}", "{\"nftables\": 7}", "[]", "null"));
    }

    @Provide
    Arbitrary<String> iptablesish() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("-PAINPUTDROPACCEPTj*:filter \n=#\"'").ofMaxLength(300));
    }
}
