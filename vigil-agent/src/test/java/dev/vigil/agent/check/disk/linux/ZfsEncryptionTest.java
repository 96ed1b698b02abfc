package dev.vigil.agent.check.disk.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZfsEncryptionTest {

    private static ZfsEncryption parse(String fixture) throws ParseException {
        return ZfsEncryption.parse(Fixtures.output("linux/zfs-get-encryption/" + fixture + ".txt"));
    }

    @Test
    void readsAnEncryptionInheritedFromTheEncryptionRoot() throws ParseException {
        ZfsEncryption e = parse("inherited-aes-256-gcm");
        assertThat(e).isEqualTo(new ZfsEncryption("aes-256-gcm", "available", "rpool"));
        assertThat(e.encrypted()).isTrue();
    }

    @Test
    void readsAnUnencryptedDataset() throws ParseException {
        assertThat(parse("off").encrypted()).isFalse();
    }

    @ParameterizedTest(name = "{0} is unusable")
    @ValueSource(strings = {"garbled", "truncated", "empty"})
    void rejectsGarbledTruncatedAndEmptyOutput(String fixture) {
        assertThatThrownBy(() -> parse(fixture)).isInstanceOf(ParseException.class);
    }
}
