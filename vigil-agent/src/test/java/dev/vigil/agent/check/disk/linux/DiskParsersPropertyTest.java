package dev.vigil.agent.check.disk.linux;

import dev.vigil.agent.check.ParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** No input makes a disk parser throw anything but its ParseException. */
class DiskParsersPropertyTest {

    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(300);
        Arbitrary<String> shaped = Arbitraries.strings().withChars(" \t\n-:/\\0123456789abcdefDEVNAMEdiskpartitionFilename=\"")
                .ofMaxLength(300);
        Arbitrary<String> tweaked = Arbitraries.of(
                "27 1 254:0 / / rw - ext4 /dev/vda rw\n", "Filename Type Size Used Priority\n",
                "DEVNAME=sda\nDEVTYPE=disk\n", "encryption\toff\n", "rpool\t1G\n\t/dev/sda\n",
                "physical_volumes {\n device = \"/dev/sda\"\n")
                .flatMap(base -> Arbitraries.strings().ofMaxLength(40).map(extra -> base + extra));
        return Arbitraries.oneOf(any, shaped, tweaked);
    }

    @Property
    void mountinfoThrowsOnlyParseException(@ForAll("text") String s) {
        parsing(() -> MountInfo.parse(s));
    }

    @Property
    void procSwapsThrowsOnlyParseException(@ForAll("text") String s) {
        parsing(() -> ProcSwaps.parse(s));
    }

    @Property
    void ueventThrowsOnlyParseException(@ForAll("text") String s) {
        parsing(() -> BlockUevent.parse(s));
    }

    @Property
    void zfsGetThrowsOnlyParseException(@ForAll("text") String s) {
        parsing(() -> ZfsEncryption.parse(s));
    }

    @Property
    void zpoolListThrowsOnlyParseException(@ForAll("text") String s) {
        parsing(() -> ZpoolDevices.parse(s));
    }

    @Property
    void lvmBackupThrowsOnlyParseException(@ForAll("text") String s) {
        parsing(() -> LvmMetadata.physicalVolumeDevices(s));
    }

    @Property
    void tolerantParsersNeverThrow(@ForAll("text") String s) {
        FstabEntry.parse(s);
        CrypttabEntry.parse(s);
        DmUuid.classify(s);
    }

    private interface Parse {
        Object run() throws ParseException;
    }

    private static void parsing(Parse p) {
        try {
            p.run();
        } catch (ParseException expected) {
            // the one allowed failure
        }
    }
}
