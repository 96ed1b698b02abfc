package dev.vigil.agent.check.disk.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BlockUeventTest {

    private static BlockUevent parse(String fixture) throws ParseException {
        return BlockUevent.parse(Fixtures.output("linux/sys-block-uevent/" + fixture + ".txt"));
    }

    @ParameterizedTest(name = "{0}: {1} is a {2}")
    @CsvSource(delimiter = '|', textBlock = """
            vda-disk       | vda  | DISK
            sdb1-partition | sdb1 | PARTITION
            dm-0-disk      | dm-0 | DISK
            """)
    void namesTheDeviceAndWhetherItIsAPartition(String fixture, String name, BlockUevent.Type type) throws ParseException {
        assertThat(parse(fixture)).isEqualTo(new BlockUevent(name, type));
    }

    @ParameterizedTest(name = "{0} is unusable")
    @ValueSource(strings = {"garbled", "truncated", "empty"})
    void rejectsGarbledTruncatedAndEmptyUevents(String fixture) {
        assertThatThrownBy(() -> parse(fixture)).isInstanceOf(ParseException.class);
    }
}
