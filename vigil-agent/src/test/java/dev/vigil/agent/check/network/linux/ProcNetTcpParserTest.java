package dev.vigil.agent.check.network.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.ParserProperties;
import dev.vigil.core.testing.RandomInputs;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcNetTcpParserTest {

    private static List<Socket> parse(String file, String family) throws ParseException {
        return ProcNetTcpParser.parse(Fixtures.output("linux/" + file + ".txt"), family, ByteOrder.LITTLE_ENDIAN);
    }

    private static List<String> render(List<Socket> ls) {
        return ls.stream().map(Socket::listener).map(l -> l.address() + "/" + l.port() + "/" + l.scope()).toList();
    }

    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            proc-net-tcp/mixed-high-risk        | ipv4 | 192.168.56.10/8443/ADDRESS 127.0.0.53/53/LOOPBACK 127.0.0.1/631/LOOPBACK 0.0.0.0/22/ALL_INTERFACES 0.0.0.0/3306/ALL_INTERFACES | listeners on loopback, all and one address; established rows skipped
            proc-net-tcp6/mixed-high-risk       | ipv6 | ::/80/ALL_INTERFACES fd00:56::10/9100/ADDRESS ::1/5432/LOOPBACK ::ffff:127.0.0.1/6379/LOOPBACK | any, one address, ::1 and mapped loopback
            proc-net-tcp/loopback-only          | ipv4 | 127.0.0.1/631/LOOPBACK 127.0.0.53/53/LOOPBACK | loopback only
            proc-net-tcp6/loopback-only         | ipv6 | ::ffff:127.0.0.1/6379/LOOPBACK ::1/5432/LOOPBACK | loopback only
            proc-net-tcp/other-port-dual-stack  | ipv4 | 127.0.0.1/631/LOOPBACK 0.0.0.0/8443/ALL_INTERFACES | one other port on IPv4
            proc-net-tcp6/other-port-dual-stack | ipv6 | ::/8443/ALL_INTERFACES | the same port on IPv6
            proc-net-tcp/no-listeners          | ipv4 | - | only an established connection
            proc-net-tcp6/no-listeners         | ipv6 | - | header only
            proc-net-tcp/build-machine         | ipv4 | 0.0.0.0/2024/ALL_INTERFACES | this build machine
            """)
    void readsListeningSocketsWithTheirBoundAddress(String file, String family, String expected, String what) throws ParseException {
        List<String> want = expected.equals("-") ? List.of() : Arrays.asList(expected.split(" "));

        assertThat(render(parse(file, family))).containsExactlyElementsOf(want);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            proc-net-tcp/truncated       | a row cut off mid-way
            proc-net-tcp/empty           | an empty file
            proc-net-tcp/garbled-netstat | netstat output instead of the table
            """)
    void rejectsTablesItCannotTrust(String file, String what) {
        assertThatThrownBy(() -> parse(file, "ipv4")).isInstanceOf(ParseException.class);
    }

    @Test
    void keepsTheInodeForOwnerLookup() throws ParseException {
        assertThat(parse("proc-net-tcp/build-machine", "ipv4")).singleElement().extracting(Socket::inode).isEqualTo(1586L);
    }

    @Test
    void readsBigEndianAddressesInTheirOwnOrder() throws ParseException {
        String table = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
                + "   0: 7F000001:0277 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 17207 1\n";

        assertThat(render(ProcNetTcpParser.parse(table, "ipv4", ByteOrder.BIG_ENDIAN))).containsExactly("127.0.0.1/631/LOOPBACK");
    }

    @Test
    void rejectsAnIpv6AddressOfTheWrongLength() {
        String table = "  sl  local_address remote_address st tx_queue rx_queue tr tm->when retrnsmt uid timeout inode\n"
                + "   0: 0100007F:0277 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 17207 1\n";

        assertThatThrownBy(() -> ProcNetTcpParser.parse(table, "ipv6", ByteOrder.LITTLE_ENDIAN))
                .isInstanceOf(ParseException.class).hasMessageContaining("32 hex digits");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "00000000000000000000000000000001, ::1",
            "00000000000000000000000000000000, ::",
            "fd000056000000000000000000000010, fd00:56::10",
            "20010db8000000010000000000000000, 2001:db8:0:1::",
            "20010db8000100000001000000000001, 2001:db8:1:0:1::1",
            "00000000000000000000ffffc0a83810, ::ffff:192.168.56.16",
            "fe8000000000000000fc00fffe000001, fe80::fc:ff:fe00:1"})
    void formatsIpv6LikePeopleWriteIt(String hex, String text) {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        assertThat(InetText.format(b)).isEqualTo(text);
    }

    @Test
    void failsOnlyWithParseException() {
        List<String> inputs = new ArrayList<>(ParserProperties.inputs("linux/proc-net-tcp/build-machine.txt",
                "linux/proc-net-tcp/mixed-high-risk.txt"));
        for (String rows : RandomInputs.fromAlphabet("0123456789ABCDEFabcdef: -+\n", 200, 3, 300)) {
            inputs.add("  sl  local_address rem_address st\n" + rows);
            inputs.add("  sl\n   0: " + rows + " 0A 0 0 0 0 0 " + rows);
        }
        for (boolean v6 : new boolean[] {false, true}) {
            ParserProperties.throwsOnlyParseExceptionOn(
                    text -> ProcNetTcpParser.parse(text, v6 ? "ipv6" : "ipv4", ByteOrder.LITTLE_ENDIAN), inputs);
        }
    }
}
