package dev.vigil.agent.check.disk.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** fstab, crypttab and LVM metadata backups: what a mounted image is configured to boot on. */
class EtcConfigParsersTest {

    @ParameterizedTest(name = "{0}: / from {1}, swap {2}")
    @CsvSource(delimiter = '|', textBlock = """
            debian-encrypted-lvm       | /dev/mapper/debian--vg-root           | /dev/mapper/debian--vg-swap_1
            plain-partitions-swapfile  | /dev/sda2                             | /swapfile
            fedora-btrfs-uuid          | UUID=8f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b | ''
            garbled                    | ''                                    | ''
            """)
    void fstabNamesTheRootAndSwapSources(String fixture, String root, String swap) {
        List<FstabEntry> entries = FstabEntry.parse(Fixtures.output("linux/etc-fstab/" + fixture + ".txt"));
        assertThat(entries.stream().filter(e -> e.file().equals("/")).map(FstabEntry::spec).findFirst().orElse(""))
                .isEqualTo(root);
        assertThat(entries.stream().filter(e -> e.type().equals("swap")).map(FstabEntry::spec).findFirst().orElse(""))
                .isEqualTo(swap);
    }

    @Test
    void fstabKeepsNoautoOptions() {
        List<FstabEntry> entries = FstabEntry.parse(Fixtures.output("linux/etc-fstab/debian-encrypted-lvm.txt"));
        assertThat(entries).anySatisfy(e -> assertThat(e.options()).contains("noauto"));
    }

    @ParameterizedTest(name = "{0}: {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            debian-luks     | sda5_crypt | luks
            random-key-swap | cryptswap1 | plain
            """)
    void crypttabNamesEachMappingAndItsEncryption(String fixture, String name, String encryption) {
        List<CrypttabEntry> entries = CrypttabEntry.parse(Fixtures.output("linux/etc-crypttab/" + fixture + ".txt"));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo(name);
            assertThat(e.encryption()).isEqualTo(encryption);
        });
    }

    @Test
    void lvmBackupNamesThePhysicalVolumeDevices() throws ParseException {
        assertThat(LvmMetadata.physicalVolumeDevices(Fixtures.output("linux/etc-lvm-backup/debian-vg-on-crypt.txt")))
                .containsExactly("/dev/mapper/sda5_crypt");
    }

    @ParameterizedTest(name = "lvm backup {0} is unusable")
    @ValueSource(strings = {"garbled", "truncated"})
    void rejectsGarbledAndTruncatedLvmBackups(String fixture) {
        assertThatThrownBy(() -> LvmMetadata.physicalVolumeDevices(Fixtures.output("linux/etc-lvm-backup/" + fixture + ".txt")))
                .isInstanceOf(ParseException.class);
    }
}
