package dev.vigil.agent.check.disk.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProcSwapsTest {

    private static List<SwapArea> parse(String fixture) throws ParseException {
        return ProcSwaps.parse(Fixtures.output("linux/proc-swaps/" + fixture + ".txt"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            none                 | ''
            dm-partition         | /dev/dm-1=PARTITION
            btrfs-swapfile       | /swap/swapfile=FILE
            zram-and-file        | /var/swapfile=FILE,/dev/zram0=PARTITION
            escaped-deleted-file | /var/swap file=FILE
            """)
    void listsEachActiveArea(String fixture, String expected) throws ParseException {
        List<String> areas = parse(fixture).stream().map(a -> a.path() + "=" + a.type()).toList();
        assertThat(areas).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected.split(",")));
    }

    @ParameterizedTest(name = "{0} is unusable")
    @ValueSource(strings = {"garbled", "truncated", "empty"})
    void rejectsGarbledTruncatedAndEmptyOutput(String fixture) {
        assertThatThrownBy(() -> parse(fixture)).isInstanceOf(ParseException.class);
    }
}
