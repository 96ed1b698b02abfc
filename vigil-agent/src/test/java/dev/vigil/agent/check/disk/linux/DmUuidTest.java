package dev.vigil.agent.check.disk.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.testing.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DmUuidTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            luks2  | Crypt[type=luks2]
            luks1  | Crypt[type=luks1]
            plain  | Crypt[type=plain]
            lvm    | Lvm[]
            verity | Other[subsystem=CRYPT-VERITY]
            mpath  | Other[subsystem=mpath]
            none   | Other[subsystem=]
            """)
    void classifiesEachSubsystemByItsUuid(String fixture, String expected) {
        String uuid = Fixtures.output("linux/sys-block-dm-uuid/" + fixture + ".txt");
        assertThat(DmUuid.classify(uuid).toString()).isEqualTo(expected);
    }
}
