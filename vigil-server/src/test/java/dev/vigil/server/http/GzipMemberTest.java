package dev.vigil.server.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GzipMemberTest {

    static final byte[] TEXT = "{\"schema\":\"vigil.report/1\",\"findings\":[]}".repeat(50).getBytes(UTF_8);
    static final byte[] MEMBER = KernelApiTest.gzip(TEXT);

    @Test
    void inflatesWhatTheJdkCompressesAtAnySize() throws Exception {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 1023, 1024, 70_000, 300_000}) {
            byte[] data = new byte[size];
            for (int i = 0; i < size; i++) {
                data[i] = (byte) ('a' + random.nextInt(random.nextBoolean() ? 3 : 26));
            }
            assertThat(GzipMember.inflate(KernelApiTest.gzip(data), size)).as("%d bytes", size).isEqualTo(data);
        }
    }

    @Test
    void readsPastTheHeadersOptionalFields() throws Exception {
        // FHCRC, FEXTRA, FNAME and FCOMMENT, in the order RFC 1952 lays them out
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(MEMBER, 0, 3);
        header.write(0x02 | 0x04 | 0x08 | 0x10);
        header.write(MEMBER, 4, 6);
        header.writeBytes(new byte[] {3, 0, 'x', 'y', 'z'});
        header.writeBytes("report.json\0".getBytes(UTF_8));
        header.writeBytes("a comment\0".getBytes(UTF_8));
        header.writeBytes(new byte[] {0x12, 0x34});
        header.write(MEMBER, 10, MEMBER.length - 10);

        assertThat(GzipMember.inflate(header.toByteArray(), TEXT.length)).isEqualTo(TEXT);
    }

    @Test
    void theLimitIsOnTheDecompressedBytes() throws Exception {
        assertThat(GzipMember.inflate(MEMBER, TEXT.length)).isEqualTo(TEXT);
        assertThatThrownBy(() -> GzipMember.inflate(MEMBER, TEXT.length - 1))
                .isInstanceOf(GzipMember.TooLargeException.class)
                .hasMessage("more than " + (TEXT.length - 1) + " bytes once decompressed");
        byte[] bomb = KernelApiTest.gzip(new byte[50_000_000]);
        assertThatThrownBy(() -> GzipMember.inflate(bomb, 2 * 1024 * 1024))
                .isInstanceOf(GzipMember.TooLargeException.class);
    }

    static List<Arguments> invalid() {
        byte[] length = MEMBER.clone();
        length[length.length - 1] ^= 1;
        byte[] method = MEMBER.clone();
        method[2] = 7;
        byte[] reserved = MEMBER.clone();
        reserved[3] = (byte) 0x20;
        byte[] name = Arrays.copyOf(MEMBER, 13);
        name[3] = 0x08;
        name[10] = 'a';
        name[11] = 'b';
        name[12] = 'c';
        byte[] data = MEMBER.clone();
        data[10] = 0x07; // a final block of the reserved type 3
        return List.of(
                Arguments.of("empty", new byte[0], "does not start with a gzip header"),
                Arguments.of("header only", Arrays.copyOf(MEMBER, 10), "ends before its last block"),
                Arguments.of("no trailer", Arrays.copyOf(MEMBER, MEMBER.length - 8),
                        "ends without its CRC-32 and length"),
                Arguments.of("half a trailer", Arrays.copyOf(MEMBER, MEMBER.length - 4),
                        "ends without its CRC-32 and length"),
                Arguments.of("a wrong length field", length, "length field does not match"),
                Arguments.of("not deflate", method, "compression method 7"),
                Arguments.of("reserved flags", reserved, "reserved flags"),
                Arguments.of("a name that never ends", name, "cut short"),
                Arguments.of("corrupt deflate data", data, "corrupt"),
                Arguments.of("a byte after the member", Arrays.copyOf(MEMBER, MEMBER.length + 1),
                        "1 bytes follow the gzip member"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void anythingButOneWholeMemberIsInvalidWithTheReason(String what, byte[] body, String reason) {
        assertThatThrownBy(() -> GzipMember.inflate(body, 1_000_000)).as(what)
                .isInstanceOf(GzipMember.InvalidException.class)
                .hasMessageContaining(reason);
    }
}
