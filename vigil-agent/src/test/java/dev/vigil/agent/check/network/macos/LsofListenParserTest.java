package dev.vigil.agent.check.network.macos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.network.Listener;
import dev.vigil.agent.check.network.Listener.Scope;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LsofListenParserTest {

    private static List<Listener> parse(String fixture) throws ParseException {
        return LsofListenParser.parse(Fixtures.output("macos/lsof-listen/" + fixture + ".txt"));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # fixture                     | listeners | exposed | what it is
            hardened-loopback-only        | 3         | 0       | launchd's cups socket and postgres, loopback only
            neglected-sharing-on          | 15        | 14      | sharing services on every interface, a dev server on loopback
            user-only-loopback            | 2         | 0       | what a non-root user sees
            one-address-and-link-local    | 2         | 2       | one LAN address, one IPv6 link-local
            with-fd-fields                | 2         | 2       | lsof versions that add the f field
            inspec-all-sockets-FpctPn     | 3         | 2       | real output with UDP and connected sockets mixed in
            empty                         | 0         | 0       | nothing listens
            """)
    void readsEveryListener(String fixture, int listeners, int exposed, String what) throws ParseException {
        List<Listener> l = parse(fixture);

        assertThat(l).hasSize(listeners);
        assertThat(l.stream().filter(Listener::exposed)).hasSize(exposed);
    }

    /** A listener as lsof reports it: always with its process. */
    private static Listener lsof(long pid, String command, String family, String address, int port, Scope scope) {
        return Listener.unowned(family, address, port, scope).ownedBy(pid, command);
    }

    @Test
    void keepsProcessFamilyAddressAndPort() throws ParseException {
        assertThat(parse("hardened-loopback-only")).containsExactly(
                lsof(1, "launchd", "ipv6", "::1", 631, Scope.LOOPBACK),
                lsof(1, "launchd", "ipv4", "127.0.0.1", 631, Scope.LOOPBACK),
                lsof(812, "postgres", "ipv4", "127.0.0.1", 5432, Scope.LOOPBACK));
        assertThat(parse("one-address-and-link-local")).containsExactly(
                lsof(733, "java", "ipv4", "192.168.1.20", 8080, Scope.ADDRESS),
                lsof(517, "ControlCe", "ipv6", "fe80:4::1c2a:1234:abcd:ef01", 5000, Scope.ADDRESS));
    }

    @Test
    void skipsUdpAndConnectedSocketsInARealMixedSample() throws ParseException {
        assertThat(parse("inspec-all-sockets-FpctPn")).extracting(l -> l.process().orElseThrow(), Listener::address, Listener::port)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("VBoxHeadl", "127.0.0.1", 2022),
                        org.assertj.core.groups.Tuple.tuple("sshd", "*", 22), org.assertj.core.groups.Tuple.tuple("sshd", "*", 22));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            *               | ALL_INTERFACES
            0.0.0.0         | ALL_INTERFACES
            ::              | ALL_INTERFACES
            127.0.0.1       | LOOPBACK
            127.1.2.3       | LOOPBACK
            ::1             | LOOPBACK
            ::ffff:127.0.0.1 | LOOPBACK
            ::ffff:0.0.0.0  | ALL_INTERFACES
            10.0.0.5        | ADDRESS
            fe80:4::1       | ADDRESS
            """)
    void classifiesBoundAddresses(String address, Scope scope) {
        assertThat(LsofListenParser.scope(address)).isEqualTo(scope);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            table-form | expected a process id
            truncated  | expected a numeric address and port
            garbled    | expected a 'p' (process) line
            """)
    void rejectsOutputThatIsNotFieldOutput(String fixture, String message) {
        assertThatThrownBy(() -> parse(fixture)).isInstanceOf(ParseException.class).hasMessageContaining(message);
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThatThrownBy(() -> LsofListenParser.parse("p1\nclaunchd\nn*:70000\n")).isInstanceOf(ParseException.class);
    }

    @Test
    void failsOnlyWithParseException() {
        ParserProperties.throwsOnlyParseException(LsofListenParser::parse, "macos/lsof-listen/neglected-sharing-on.txt",
                "macos/lsof-listen/inspec-all-sockets-FpctPn.txt", "macos/lsof-listen/one-address-and-link-local.txt");
    }
}
