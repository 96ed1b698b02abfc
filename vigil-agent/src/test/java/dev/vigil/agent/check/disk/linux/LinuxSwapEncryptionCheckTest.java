package dev.vigil.agent.check.disk.linux;

import static dev.vigil.agent.check.disk.linux.Sysfs.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.core.report.Status;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LinuxSwapEncryptionCheckTest {

    private static Outcome run(HostProbe probe) {
        return new LinuxSwapEncryptionCheck().run(probe, Policy.defaults());
    }


    @Test
    void reportsPassWhenNoSwapIsActive() {
        Outcome o = run(FakeProbe.linux().file("/proc/swaps", fixture("proc-swaps/none")));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).isEqualTo("No swap is active.");
        assertThat(o.facts()).containsEntry("swaps", List.of());
    }

    @Test
    void reportsPassWhenOnlyZramIsActiveBecauseZramIsNotDisk() {
        Outcome o = run(Sysfs.machine().zram("zram0", "252:0").swaps("/dev/zram0=partition").probe());
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).isEqualTo("No disk swap is active: /dev/zram0 is compressed RAM (zram), not disk.");
        assertThat(o.facts()).containsEntry("in_memory", List.of("/dev/zram0"));
    }

    @Test
    void judgesTheDeviceAZramWritesBackTo() {
        FakeProbe probe = Sysfs.machine().zram("zram0", "252:0").disk("sdb", "8:16", "sdb1")
                .swaps("/dev/zram0=partition").probe()
                .file("/sys/class/block/zram0/backing_dev", "/dev/sdb1\n");
        Outcome o = run(probe);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).isEqualTo("Swap is not encrypted on /dev/zram0.");
    }

    @Test
    void reportsFailForAPlainSwapPartition() {
        Outcome o = run(Sysfs.machine().disk("sda", "8:0", "sda1", "sda2", "sda3")
                .swaps("/dev/sda3=partition").probe());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).isEqualTo("Swap is not encrypted on /dev/sda3.");
        assertThat(o.facts()).containsKey("caveat");
        @SuppressWarnings("unchecked")
        Map<String, Object> swap = ((List<Map<String, Object>>) o.facts().get("swaps")).getFirst();
        assertThat(swap).containsEntry("path", "/dev/sda3").containsEntry("type", "partition").containsEntry("state", "plain");
    }

    @Test
    void reportsPassForSwapOnPlainDmCryptWithARandomKey() {
        Outcome o = run(Sysfs.machine().disk("sda", "8:0", "sda3")
                .crypt("dm-1", "253:1", "PLAIN", "cryptswap1", "sda3")
                .swaps("/dev/dm-1=partition").probe());
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).isEqualTo("All disk swap is encrypted: /dev/dm-1: plain dm-crypt.");
    }

    @Test
    void reportsPassForSwapOnLvmOnLuks() {
        Outcome o = run(Sysfs.machine().disk("sda", "8:0", "sda5")
                .crypt("dm-0", "253:0", "LUKS2", "sda5_crypt", "sda5")
                .lvm("dm-2", "253:2", "debian--vg-swap_1", "dm-0")
                .swaps("/dev/dm-2=partition").probe());
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).isEqualTo("All disk swap is encrypted: /dev/dm-2: LVM on LUKS2.");
    }

    @Test
    void reportsPassForASwapFileOnAnEncryptedRoot() {
        Outcome o = run(Sysfs.machine().disk("nvme0n1", "259:0", "nvme0n1p2")
                .crypt("dm-0", "253:0", "LUKS2", "cryptroot", "nvme0n1p2")
                .root("253:0", "btrfs", "/dev/mapper/cryptroot")
                .swaps("/swap/swapfile=file").probe());
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).isEqualTo("All disk swap is encrypted: /swap/swapfile: LUKS2.");
    }

    @Test
    void reportsFailForASwapFileOnAPlainFileSystemAndIgnoresZram() {
        Outcome o = run(Sysfs.machine().disk("sda", "8:0", "sda2").zram("zram0", "252:0")
                .root("8:2", "ext4", "/dev/sda2")
                .swaps("/var/swapfile=file", "/dev/zram0=partition").probe());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).isEqualTo("Swap is not encrypted on /var/swapfile.");
        assertThat(o.facts()).containsEntry("in_memory", List.of("/dev/zram0"));
    }

    @Test
    void reportsFailNamingOnlyTheUnencryptedAreas() {
        Outcome o = run(Sysfs.machine().disk("sda", "8:0", "sda2", "sda3")
                .crypt("dm-1", "253:1", "PLAIN", "cryptswap1", "sda2")
                .swaps("/dev/dm-1=partition", "/dev/sda3=partition").probe());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).isEqualTo("Swap is not encrypted on /dev/sda3.");
    }

    @Test
    void reportsUnknownWhenASwapFileSitsOnAnOverlay() {
        Outcome o = run(Sysfs.machine().root("0:50", "overlay", "overlay").swaps("/swapfile=file").probe());
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("cannot tell whether swap is encrypted on /swapfile: / is an overlay file system");
    }

    static Stream<Arguments> unreadable() {
        return Stream.of(
                Arguments.of("missing", FakeProbe.linux(), "cannot list active swap areas: /proc/swaps does not exist"),
                Arguments.of("denied (not root)", FakeProbe.linux().elevated(false).deniedFile("/proc/swaps"),
                        "cannot list active swap areas: permission denied reading /proc/swaps"),
                Arguments.of("garbled", FakeProbe.linux().file("/proc/swaps", fixture("proc-swaps/garbled")),
                        "unrecognised /proc/swaps: expected the header"));
    }

    @ParameterizedTest(name = "{0} /proc/swaps")
    @MethodSource("unreadable")
    void reportsUnknownWhenProcSwapsCannotBeRead(String what, FakeProbe probe, String reason) {
        Outcome o = run(probe);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith(reason);
    }

    @Test
    void needsNoRoot() {
        assertThat(new LinuxSwapEncryptionCheck().needs()).isEmpty();
        Outcome o = run(Sysfs.machine().disk("sda", "8:0", "sda3").swaps("/dev/sda3=partition").probe().elevated(false));
        assertThat(o.status()).isEqualTo(Status.FAIL);
    }

    // --- a mounted image (--root) ---

    private static FakeProbe image() {
        return FakeProbe.linux().live(false);
    }

    @Test
    void reportsPassConfiguredForLvmSwapOnLuksInAnImage() {
        FakeProbe probe = Sysfs.debianEncryptedLvmImage();
        Outcome o = run(probe);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).isEqualTo("All disk swap is encrypted: /dev/mapper/debian--vg-swap_1: LVM on LUKS"
                + " (configured, not observed: read from the image's /etc/fstab and /etc/crypttab).");
        assertThat(probe.read()).noneMatch(p -> p.startsWith("/proc") || p.startsWith("/sys"));
    }

    @Test
    void reportsPassConfiguredForARandomKeySwapInAnImage() {
        Outcome o = run(image()
                .file("/etc/fstab", "/dev/sda2 / ext4 defaults 0 1\n/dev/mapper/cryptswap1 none swap sw 0 0\n")
                .file("/etc/crypttab", fixture("etc-crypttab/random-key-swap")));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).startsWith("All disk swap is encrypted: /dev/mapper/cryptswap1: plain dm-crypt (configured");
    }

    @Test
    void reportsFailConfiguredForASwapFileOnAPlainRootInAnImage() {
        Outcome o = run(image().file("/etc/fstab", fixture("etc-fstab/plain-partitions-swapfile")));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).startsWith("Swap is not encrypted on /swapfile (configured, not observed");
    }

    @Test
    void reportsPassWhenAnImageConfiguresNoSwap() {
        Outcome o = run(image().file("/etc/fstab", fixture("etc-fstab/fedora-btrfs-uuid")));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).startsWith("No swap is configured (configured, not observed");
    }

    @Test
    void reportsUnknownForAnImageWithoutFstab() {
        Outcome o = run(image());
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).isEqualTo("cannot tell the image's swap areas: /etc/fstab does not exist");
    }
}
