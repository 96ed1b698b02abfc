package dev.vigil.agent.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.testing.Fixtures;
import java.util.Map;
import dev.vigil.core.testing.RandomInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OsReleaseTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "debian 12 with quoted values | debian-12.txt | Debian GNU/Linux 12 (bookworm) | 12",
        "fedora with unquoted version and comments | fedora-40.txt | Fedora Linux 40 (Workstation Edition) | 40",
        "garbled lines are skipped | garbled.txt | | ",
    })
    void readsPrettyNameAndVersion(String what, String fixture, String pretty, String version) {
        Map<String, String> m = OsRelease.parse(Fixtures.output("linux/os-release/" + fixture));
        assertThat(m.get("PRETTY_NAME")).isEqualTo(pretty);
        assertThat(m.get("VERSION_ID")).isEqualTo(version);
    }

    @Test
    void neverThrowsOnArbitraryOrDamagedInput() {
        for (String text : RandomInputs.strings(7, RandomInputs.TRIES)) {
            assertThat(OsRelease.parse(text)).as(text).isNotNull();
        }
        for (String text : RandomInputs.mutations(Fixtures.output("linux/os-release/debian-12.txt"), 7, RandomInputs.TRIES)) {
            assertThat(OsRelease.parse(text)).as(text).isNotNull();
        }
    }
}
