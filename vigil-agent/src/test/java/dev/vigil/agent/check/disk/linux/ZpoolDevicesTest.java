package dev.vigil.agent.check.disk.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ZpoolDevicesTest {

    private static List<String> parse(String fixture) throws ParseException {
        return ZpoolDevices.parse(Fixtures.output("linux/zpool-list-vHPL/" + fixture + ".txt"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            mirror-on-luks   | /dev/dm-0,/dev/dm-1
            single-partition | /dev/nvme0n1p3
            """)
    void listsTheLeafDevicesAndSkipsContainerRows(String fixture, String expected) throws ParseException {
        assertThat(parse(fixture)).containsExactly(expected.split(","));
    }

    @ParameterizedTest(name = "{0} is unusable")
    @ValueSource(strings = {"garbled", "truncated", "empty"})
    void rejectsGarbledTruncatedAndEmptyOutput(String fixture) {
        assertThatThrownBy(() -> parse(fixture)).isInstanceOf(ParseException.class);
    }
}
