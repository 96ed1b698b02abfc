package dev.vigil.agent.check.disk.linux;

import dev.vigil.agent.testing.ParserProperties;
import dev.vigil.core.testing.RandomInputs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No input makes a disk parser throw anything but its ParseException. */
class DiskParsersPropertyTest {

    private static final List<String> SHAPES = List.of(
            "27 1 254:0 / / rw - ext4 /dev/vda rw\n", "Filename Type Size Used Priority\n",
            "DEVNAME=sda\nDEVTYPE=disk\n", "encryption\toff\n", "rpool\t1G\n\t/dev/sda\n",
            "physical_volumes {\n device = \"/dev/sda\"\n");

    /** Random text, text in the parsers' alphabet, and known line shapes followed by noise. */
    private static List<String> text() {
        List<String> inputs = new ArrayList<>(RandomInputs.strings(31, 300));
        inputs.addAll(RandomInputs.fromAlphabet(" \t\n-:/\\0123456789abcdefDEVNAMEdiskpartitionFilename=\"", 300, 32, 300));
        List<String> noise = RandomInputs.strings(33, 300);
        for (int i = 0; i < noise.size(); i++) {
            inputs.add(SHAPES.get(i % SHAPES.size()) + noise.get(i));
        }
        return inputs;
    }

    private static List<String> with(String... fixtures) {
        List<String> inputs = new ArrayList<>(text());
        inputs.addAll(ParserProperties.inputs(fixtures));
        return inputs;
    }

    @Test
    void mountinfoThrowsOnlyParseException() {
        ParserProperties.throwsOnlyParseExceptionOn(MountInfo::parse, with(
                "linux/proc-self-mountinfo/fedora-ext4-on-lvm.txt", "linux/proc-self-mountinfo/gentoo-btrfs-on-luks.txt"));
    }

    @Test
    void procSwapsThrowsOnlyParseException() {
        ParserProperties.throwsOnlyParseExceptionOn(ProcSwaps::parse, with(
                "linux/proc-swaps/dm-partition.txt", "linux/proc-swaps/escaped-deleted-file.txt"));
    }

    @Test
    void ueventThrowsOnlyParseException() {
        ParserProperties.throwsOnlyParseExceptionOn(BlockUevent::parse, with("linux/sys-block-uevent/dm-0-disk.txt"));
    }

    @Test
    void zfsGetThrowsOnlyParseException() {
        ParserProperties.throwsOnlyParseExceptionOn(ZfsEncryption::parse, with("linux/zfs-get-encryption/inherited-aes-256-gcm.txt"));
    }

    @Test
    void zpoolListThrowsOnlyParseException() {
        ParserProperties.throwsOnlyParseExceptionOn(ZpoolDevices::parse, with("linux/zpool-list-vHPL/mirror-on-luks.txt"));
    }

    @Test
    void lvmBackupThrowsOnlyParseException() {
        ParserProperties.throwsOnlyParseExceptionOn(LvmMetadata::physicalVolumeDevices, with("linux/etc-lvm-backup/debian-vg-on-crypt.txt"));
    }

    @Test
    void tolerantParsersNeverThrow() {
        for (String s : text()) {
            FstabEntry.parse(s);
            CrypttabEntry.parse(s);
            DmUuid.classify(s);
        }
    }
}
