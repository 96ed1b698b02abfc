package dev.vigil.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipBytesTest {

    static final byte[] TEXT = "{\"control\":\"disk.encryption.system\",\"status\":\"PASS\"},".repeat(200)
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void anyLevelGivesOneMemberThatUnzipsToTheInput() throws IOException {
        for (int level : new int[] {Deflater.DEFAULT_COMPRESSION, 0, 1, 6, 9}) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(GzipBytes.compress(TEXT, level)))) {
                assertThat(in.readAllBytes()).as("level %d", level).isEqualTo(TEXT);
            }
        }
        assertThat(GzipBytes.compress(new byte[0], 6)).hasSizeGreaterThan(0);
    }

    @Test
    void theLevelIsTheOneAskedFor() {
        assertThat(GzipBytes.compress(TEXT, 0).length).isGreaterThan(TEXT.length);
        assertThat(GzipBytes.compress(TEXT, 9).length).isLessThan(TEXT.length / 10);
    }
}
