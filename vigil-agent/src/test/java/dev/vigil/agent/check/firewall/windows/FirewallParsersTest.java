package dev.vigil.agent.check.firewall.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FirewallParsersTest {

    private static List<String> texts(String file) {
        String text = Fixtures.output("windows/" + file + ".txt");
        return List.of(text, text.replace("\n", "\r\n"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ps51-all-on-block              | DOMAIN=ON/BLOCK PRIVATE=ON/BLOCK PUBLIC=ON/BLOCK                          | 5.1 numbers, defaults
            ps51-public-domain-off-allow   | DOMAIN=OFF/BLOCK PRIVATE=ON/ALLOW PUBLIC=OFF/BLOCK                        | two profiles off, one allowing
            ps51-not-configured            | DOMAIN=NOT_CONFIGURED/NOT_CONFIGURED PRIVATE=NOT_CONFIGURED/NOT_CONFIGURED PUBLIC=NOT_CONFIGURED/NOT_CONFIGURED | local store, nothing set
            ps7-enums-as-strings           | DOMAIN=ON/BLOCK PRIVATE=ON/BLOCK PUBLIC=OFF/BLOCK                         | PowerShell 7 names
            cnquery-private-public-only    | PRIVATE=ON/NOT_CONFIGURED PUBLIC=ON/NOT_CONFIGURED                        | real CIM objects, no Domain profile
            single-object                  | PUBLIC=ON/BLOCK                                                           | one profile: an object, not an array
            """)
    void readsGetNetFirewallProfile(String file, String expected, String what) throws ParseException {
        for (String text : texts("get-netfirewallprofile/" + file)) {
            String got = NetFirewallProfileParser.parse(text).stream()
                    .map(p -> p.profile() + "=" + p.enabled() + "/" + p.inbound()).collect(Collectors.joining(" "));
            assertThat(got).isEqualTo(expected.strip());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"garbled", "truncated", "empty"})
    void rejectsCmdletOutputItCannotRead(String file) {
        assertThatThrownBy(() -> NetFirewallProfileParser.parse(Fixtures.output("windows/get-netfirewallprofile/" + file + ".txt")))
                .isInstanceOf(ParseException.class);
    }

    @ParameterizedTest(name = "{0} {1}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            state-all-on                 | State           | DOMAIN=ON PRIVATE=ON PUBLIC=ON                                                             | all on
            state-domain-off             | State           | DOMAIN=OFF PRIVATE=ON PUBLIC=ON                                                            | Domain off
            firewallpolicy-block         | Firewall Policy | DOMAIN=BlockInbound,AllowOutbound PRIVATE=BlockInbound,AllowOutbound PUBLIC=BlockInbound,AllowOutbound | block inbound
            firewallpolicy-public-allow  | Firewall Policy | DOMAIN=BlockInbound,AllowOutbound PRIVATE=BlockInboundAlways,AllowOutbound PUBLIC=AllowInbound,AllowOutbound | Public allows
            allprofiles-full             | State           | DOMAIN=ON PRIVATE=ON PUBLIC=ON                                                             | every setting listed
            allprofiles-full             | Firewall Policy | DOMAIN=BlockInbound,AllowOutbound PRIVATE=BlockInbound,AllowOutbound PUBLIC=BlockInbound,AllowOutbound | every setting listed
            truncated                    | State           | DOMAIN=ON                                                                                  | cut off after Domain
            """)
    void readsNetsh(String file, String label, String expected, String what) throws ParseException {
        for (String text : texts("netsh-advfirewall-allprofiles/" + file)) {
            Map<Profile, String> values = NetshProfilesParser.parse(text, label);
            assertThat(values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")))
                    .isEqualTo(expected.strip());
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            state-german          | language the parser does not know
            garbled               | unrecognised output
            empty                 | unrecognised output
            firewallpolicy-block  | expected a 'State' line
            """)
    void rejectsNetshOutputItCannotRead(String file, String message) {
        assertThatThrownBy(() -> NetshProfilesParser.parse(Fixtures.output("windows/netsh-advfirewall-allprofiles/" + file + ".txt"), "State"))
                .isInstanceOf(ParseException.class).hasMessageContaining(message.strip());
    }

    @Test
    void neverThrowsAnythingButParseException() {
        ParserProperties.throwsOnlyParseException(NetFirewallProfileParser::parse,
                "windows/get-netfirewallprofile/ps51-all-on-block.txt", "windows/get-netfirewallprofile/cnquery-private-public-only.txt",
                "windows/get-netfirewallprofile/ps7-enums-as-strings.txt");
        ParserProperties.throwsOnlyParseException(t -> NetshProfilesParser.parse(t, "State"),
                "windows/netsh-advfirewall-allprofiles/allprofiles-full.txt", "windows/netsh-advfirewall-allprofiles/state-german.txt");
    }
}
