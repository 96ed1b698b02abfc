package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class SizeConverterTest {

    @ParameterizedTest(name = "{0} is {1} bytes")
    @CsvSource({"2MiB, 2097152", "2mib, 2097152", "512KiB, 524288", "1m, 1048576", "1 G, 1073741824",
        "1048576, 1048576", "10b, 10", "50MB, 52428800", "512k, 524288", "3gb, 3221225472"})
    void readsBinaryUnits(String text, long bytes) {
        assertThat(new SizeConverter().convert(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "0MiB", "-1", "lots", "2 parsecs", "1.5MiB", "999999999999GiB"})
    void rejectsWhatIsNotAPositiveSize(String text) {
        assertThatThrownBy(() -> new SizeConverter().convert(text)).isInstanceOf(CommandLine.TypeConversionException.class);
    }
}
