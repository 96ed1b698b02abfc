package dev.vigil.agent.check.network.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.network.Listener;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowsPortsParsersTest {

    private static List<String> texts(String file) {
        String text = Fixtures.output("windows/" + file + ".txt");
        return List.of(text, text.replace("\n", "\r\n"));
    }

    private static String render(List<Listener> ls) {
        return ls.stream().map(l -> l.address() + "/" + l.port() + "/" + l.pid().orElse(-1) + l.process().map(p -> "/" + p).orElse("") + "/" + l.scope())
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            inspec-state-no-owner       | ::/135/-1/ALL_INTERFACES 192.168.10.157/135/-1/ADDRESS | real: State 2, no owner selected
            cnquery-full-cim-single     | ::/49672/2136/ALL_INTERFACES                          | real: full CIM object
            ps51-single-loopback        | 127.0.0.1/5939/2864/TeamViewer_Service/LOOPBACK       | one listener, an object
            """)
    void readsGetNetTcpConnection(String file, String expected, String what) throws ParseException {
        for (String text : texts("get-nettcpconnection-listen/" + file)) {
            assertThat(render(NetTcpConnectionParser.parse(text))).isEqualTo(expected.strip());
        }
    }

    @Test
    void readsEveryListenerWithItsProcess() throws ParseException {
        List<Listener> ls = NetTcpConnectionParser.parse(Fixtures.output("windows/get-nettcpconnection-listen/ps51-neglected.txt"));

        assertThat(ls).hasSize(11).contains(BoundAddress.listener("0.0.0.0", 445, 4, Optional.of("System")),
                BoundAddress.listener("::1", 27017, 3312, Optional.of("mongod")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"garbled", "truncated", "empty", "bad-port"})
    void rejectsCmdletOutputItCannotRead(String file) {
        assertThatThrownBy(() -> NetTcpConnectionParser.parse(Fixtures.output("windows/get-nettcpconnection-listen/" + file + ".txt")))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void readsNetstatListenersSkippingOtherStatesAndUdp() throws ParseException {
        for (String text : texts("netstat-ano/server-rdp-winrm")) {
            List<Listener> ls = NetstatParser.parse(text);

            assertThat(ls).hasSize(25).contains(BoundAddress.listener("10.10.33.91", 139, 4, Optional.empty()),
                    BoundAddress.listener("::", 3389, 1040, Optional.empty()));
            assertThat(ls).noneMatch(l -> l.port() == 123 || l.address().equals("203.0.113.75"));
        }
    }

    @Test
    void readsNetstatLoopbackListeners() throws ParseException {
        assertThat(render(NetstatParser.parse(Fixtures.output("windows/netstat-ano/loopback-only.txt"))))
                .isEqualTo("127.0.0.1/5939/2864/LOOPBACK 127.0.0.1/49670/5312/LOOPBACK ::1/49671/5312/LOOPBACK");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            german                     | language the parser does not know
            inspec-anbo-select-string  | unrecognised output
            truncated                  | expected 'TCP <local> <foreign> <state> <pid>'
            empty                      | unrecognised output
            """)
    void rejectsNetstatOutputItCannotRead(String file, String message) {
        assertThatThrownBy(() -> NetstatParser.parse(Fixtures.output("windows/netstat-ano/" + file + ".txt")))
                .isInstanceOf(ParseException.class).hasMessageContaining(message.strip());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"0.0.0.0, ALL_INTERFACES", "::, ALL_INTERFACES", "127.0.0.1, LOOPBACK", "127.5.6.7, LOOPBACK", "::1, LOOPBACK",
            "::ffff:127.0.0.1, LOOPBACK", "::ffff:0.0.0.0, ALL_INTERFACES", "192.168.1.23, ADDRESS", "fe80::1%7, ADDRESS", "fd00::5, ADDRESS"})
    void classifiesBoundAddresses(String address, Listener.Scope scope) {
        assertThat(BoundAddress.scope(address)).isEqualTo(scope);
    }

    @Test
    void neverThrowsAnythingButParseException() {
        ParserProperties.throwsOnlyParseException(NetTcpConnectionParser::parse, "windows/get-nettcpconnection-listen/ps51-neglected.txt",
                "windows/get-nettcpconnection-listen/cnquery-full-cim-single.txt");
        ParserProperties.throwsOnlyParseException(NetstatParser::parse, "windows/netstat-ano/server-rdp-winrm.txt",
                "windows/netstat-ano/german.txt");
    }
}
