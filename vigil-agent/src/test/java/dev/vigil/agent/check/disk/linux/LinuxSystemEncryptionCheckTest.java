package dev.vigil.agent.check.disk.linux;

import static dev.vigil.agent.check.disk.linux.Sysfs.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.core.report.Status;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LinuxSystemEncryptionCheckTest {

    private static final List<String> ZFS_GET = ZfsEncryption.command("rpool/ROOT/debian");
    private static final List<String> ZPOOL_LIST = ZpoolDevices.command("rpool");

    private static Outcome run(HostProbe probe) {
        return new LinuxSystemEncryptionCheck().run(probe, Policy.defaults());
    }


    // --- device-mapper, LVM, RAID: one scenario per outcome ---

    @Test
    void reportsFailWhenRootIsAPlainPartition() {
        Outcome o = run(Sysfs.machine()
                .disk("sda", "8:0", "sda1", "sda2")
                .root("8:2", "ext4", "/dev/sda2").probe());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).isEqualTo("The root file system (ext4 on /dev/sda2) rests on no encryption layer:"
                + " sda holds it in the clear.");
        assertThat(o.facts()).containsEntry("stack", List.of("/ (ext4 file system) on sda2", "sda2 (partition) on sda", "sda (disk)"))
                .containsEntry("unencrypted_paths", List.of("/ > sda2 > sda"))
                .containsEntry("observed", true)
                .containsKey("caveat");
    }

    @Test
    void reportsPassWhenRootIsOnLuks2Directly() {
        Outcome o = run(Sysfs.machine()
                .disk("nvme0n1", "259:0", "nvme0n1p1", "nvme0n1p2")
                .crypt("dm-0", "253:0", "LUKS2", "luks-abc", "nvme0n1p2")
                .root("253:0", "ext4", "/dev/mapper/luks-abc").probe());
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).isEqualTo("The root file system (ext4 on /dev/mapper/luks-abc) is encrypted: LUKS2.");
        assertThat(o.facts()).containsEntry("layer", "luks2").containsEntry("state", "encrypted");
    }

    @Test
    void reportsPassForLvmOnLuksTheDebianInstallerLayout() {
        Outcome o = run(Sysfs.machine()
                .disk("sda", "8:0", "sda1", "sda2", "sda5")
                .crypt("dm-0", "253:0", "LUKS2", "sda5_crypt", "sda5")
                .lvm("dm-1", "253:1", "debian--vg-root", "dm-0")
                .lvm("dm-2", "253:2", "debian--vg-swap_1", "dm-0")
                .root("253:1", "ext4", "/dev/mapper/debian--vg-root").probe());
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.facts()).containsEntry("shape", "LVM on LUKS2")
                .containsEntry("stack", List.of(
                        "/ (ext4 file system) on dm-1",
                        "dm-1 (lvm, debian--vg-root) on dm-0",
                        "dm-0 (luks2 crypt, sda5_crypt) on sda5",
                        "sda5 (partition) on sda",
                        "sda (disk)"));
    }

    @Test
    void reportsPassForLuksOnRaid1() {
        Outcome o = run(Sysfs.machine()
                .disk("sda", "8:0", "sda1").disk("sdb", "8:16", "sdb1")
                .raid("md0", "9:0", "raid1", "sda1", "sdb1")
                .crypt("dm-0", "253:0", "LUKS1", "md0_crypt", "md0")
                .root("253:0", "xfs", "/dev/mapper/md0_crypt").probe());
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).endsWith("is encrypted: LUKS1 on RAID1.");
    }

    @Test
    void reportsPassForPlainDmCrypt() {
        Outcome o = run(Sysfs.machine()
                .disk("vda", "254:0", "vda1")
                .crypt("dm-0", "253:0", "PLAIN", "root", "vda1")
                .root("253:0", "ext4", "/dev/mapper/root").probe());
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.facts()).containsEntry("layer", "plain").containsEntry("shape", "plain dm-crypt");
    }

    @Test
    void reportsFailWhenLvmSpansAnEncryptedAndAPlainVolume() {
        Outcome o = run(Sysfs.machine()
                .disk("sda", "8:0", "sda2").disk("sdb", "8:16", "sdb1")
                .crypt("dm-0", "253:0", "LUKS2", "sda2_crypt", "sda2")
                .lvm("dm-1", "253:1", "vg-root", "dm-0", "sdb1")
                .root("253:1", "ext4", "/dev/mapper/vg-root").probe());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).isEqualTo("The root file system (ext4 on /dev/mapper/vg-root) is only partly encrypted:"
                + " / > dm-1 > sdb1 > sdb reaches a disk without crossing luks2.");
        assertThat(o.facts()).containsEntry("unencrypted_paths", List.of("/ > dm-1 > sdb1 > sdb"))
                .containsEntry("layer", "luks2");
    }

    @Test
    void reportsFailForDmVerityWhichChecksButDoesNotEncrypt() {
        Outcome o = run(Sysfs.machine()
                .disk("sda", "8:0", "sda2")
                .dm("dm-0", "253:0", fixture("sys-block-dm-uuid/verity").strip(), "root", "sda2")
                .root("253:0", "erofs", "/dev/mapper/root").probe());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.facts().get("stack")).asList().contains("dm-0 (dm CRYPT-VERITY, root) on sda2");
    }

    @Test
    void reportsFailForASquashfsRootOnALoopFileOnAPlainDisk() {
        Outcome o = run(Sysfs.machine()
                .disk("sda", "8:0", "sda1")
                .loop("loop0", "7:0", "/run/live/medium/live/filesystem.squashfs")
                .mount("/run/live/medium", "8:1", "iso9660", "/dev/sda1")
                .root("7:0", "squashfs", "/dev/loop0").probe());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.facts()).containsEntry("unencrypted_paths",
                List.of("/ > loop0 > /run/live/medium/live/filesystem.squashfs > /run/live/medium > sda1 > sda"));
    }

    // --- btrfs: an anonymous device number, members from /sys/fs/btrfs ---

    @Test
    void reportsPassForBtrfsRaid1OverTwoLuksDevices() {
        Outcome o = run(Sysfs.machine()
                .disk("nvme0n1", "259:0", "nvme0n1p2").disk("nvme1n1", "259:2", "nvme1n1p1")
                .crypt("dm-0", "253:0", "LUKS2", "luks-a", "nvme0n1p2")
                .crypt("dm-1", "253:1", "LUKS2", "luks-b", "nvme1n1p1")
                .btrfs("8f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", "dm-0", "dm-1")
                .root("0:27", "btrfs", "/dev/mapper/luks-a").probe());
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.facts().get("stack")).asList().first().isEqualTo("/ (btrfs file system) on dm-0, dm-1");
    }

    @Test
    void reportsFailForBtrfsWithOnePlainMember() {
        Outcome o = run(Sysfs.machine()
                .disk("nvme0n1", "259:0", "nvme0n1p2").disk("sdb", "8:16")
                .crypt("dm-0", "253:0", "LUKS2", "luks-a", "nvme0n1p2")
                .btrfs("8f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", "dm-0", "sdb")
                .root("0:27", "btrfs", "/dev/mapper/luks-a").probe());
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).contains("only partly encrypted").contains("/ > sdb");
    }

    // --- ZFS ---

    @Test
    void reportsPassForZfsNativeEncryptionInheritedFromThePool() {
        FakeProbe probe = Sysfs.machine().root("0:23", "zfs", "rpool/ROOT/debian").probe()
                .command(ZFS_GET, 0, fixture("zfs-get-encryption/inherited-aes-256-gcm"));
        Outcome o = run(probe);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).endsWith("is encrypted: ZFS native encryption (aes-256-gcm).");
        assertThat(o.facts()).containsEntry("layer", "zfs-native");
        assertThat(probe.ran()).containsExactly(ZFS_GET);
    }

    @Test
    void reportsPassForAnUnencryptedZfsPoolMirroredOverLuks() {
        Outcome o = run(Sysfs.machine()
                .disk("sda", "8:0", "sda3").disk("sdb", "8:16", "sdb3")
                .crypt("dm-0", "253:0", "LUKS2", "sda3_crypt", "sda3")
                .crypt("dm-1", "253:1", "LUKS2", "sdb3_crypt", "sdb3")
                .root("0:23", "zfs", "rpool/ROOT/debian").probe()
                .command(ZFS_GET, 0, fixture("zfs-get-encryption/off"))
                .command(ZPOOL_LIST, 0, fixture("zpool-list-vHPL/mirror-on-luks")));
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.facts()).containsEntry("shape", "ZFS pool on LUKS2");
    }

    @Test
    void reportsFailForAnUnencryptedZfsPoolOnAPlainPartition() {
        Outcome o = run(Sysfs.machine()
                .disk("nvme0n1", "259:0", "nvme0n1p1", "nvme0n1p2", "nvme0n1p3")
                .root("0:23", "zfs", "rpool/ROOT/debian").probe()
                .command(ZFS_GET, 0, fixture("zfs-get-encryption/off"))
                .command(ZPOOL_LIST, 0, fixture("zpool-list-vHPL/single-partition")));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.facts()).containsEntry("unencrypted_paths", List.of("/ > rpool/ROOT/debian > nvme0n1p3 > nvme0n1"));
    }

    @Test
    void reportsUnknownWhenZfsIsMissing() {
        Outcome o = run(Sysfs.machine().root("0:23", "zfs", "rpool/ROOT/debian").probe());
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).isEqualTo("cannot read the encryption of ZFS dataset rpool/ROOT/debian: command not found: zfs");
    }

    @Test
    void reportsUnknownWhenZfsTimesOut() {
        Outcome o = run(Sysfs.machine().root("0:23", "zfs", "rpool/ROOT/debian").probe()
                .timedOut(ZFS_GET, Duration.ofSeconds(5)));
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("timed out after");
    }

    @Test
    void reportsUnknownWhenZfsPrintsSomethingElse() {
        Outcome o = run(Sysfs.machine().root("0:23", "zfs", "rpool/ROOT/debian").probe()
                .command(ZFS_GET, 0, fixture("zfs-get-encryption/garbled")));
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("unrecognised output of `zfs get");
    }

    // --- roots that are not on a local disk ---

    @Test
    void reportsUnknownInsideAContainerOverlay() {
        FakeProbe probe = FakeProbe.linux()
                .file("/proc/self/mountinfo", fixture("proc-self-mountinfo/docker-container-overlay"));
        Outcome o = run(probe);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).isEqualTo("/ is an overlay file system (as in a container):"
                + " the disk beneath it belongs to the host, so audit the host");
    }

    @Test
    void reportsUnknownForANetworkRoot() {
        Outcome o = run(Sysfs.machine().root("0:40", "nfs4", "nas01:/export/roots/ws12").probe());
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("nfs4 file system from nas01:/export/roots/ws12").contains("audit that machine");
    }

    @Test
    void reportsNotApplicableForARootInMemory() {
        Outcome o = run(Sysfs.machine().root("0:2", "tmpfs", "tmpfs").probe());
        assertThat(o.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(o.detail()).isEqualTo("The root file system (tmpfs on tmpfs) is in memory: nothing of it rests on a disk.");
    }

    // --- what cannot be read ---

    static Stream<Arguments> unreadable() {
        return Stream.of(
                Arguments.of("missing", FakeProbe.linux(), "/proc/self/mountinfo does not exist"),
                Arguments.of("denied (not root)", FakeProbe.linux().elevated(false).deniedFile("/proc/self/mountinfo"),
                        "permission denied reading /proc/self/mountinfo"),
                Arguments.of("garbled", FakeProbe.linux().file("/proc/self/mountinfo", fixture("proc-self-mountinfo/garbled")),
                        "unrecognised /proc/self/mountinfo: mountinfo line 1 is not"));
    }

    @ParameterizedTest(name = "{0} /proc/self/mountinfo")
    @MethodSource("unreadable")
    void reportsUnknownWhenMountinfoCannotBeRead(String what, FakeProbe probe, String reason) {
        Outcome o = run(probe);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith(reason);
    }

    @Test
    void reportsUnknownWhenSysfsDoesNotShowTheRootDevice() {
        Outcome o = run(Sysfs.machine().root("254:0", "ext4", "/dev/vda").probe());
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).isEqualTo("cannot tell which block device /dev/vda is"
                + " (/sys/class/block shows no such device; is sysfs mounted?)");
    }

    @Test
    void needsNoRootBecauseSysfsIsWorldReadable() {
        FakeProbe probe = Sysfs.machine()
                .disk("vda", "254:0")
                .root("254:0", "ext4", "/dev/vda").probe().elevated(false);
        assertThat(new LinuxSystemEncryptionCheck().needs()).isEmpty();
        assertThat(run(probe).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void reportsFailForTheRecordedTableOfThisBuildMachine() {
        FakeProbe probe = FakeProbe.linux()
                .file("/proc/self/mountinfo", fixture("proc-self-mountinfo/debian-vm-ext4-on-vda"))
                .file("/sys/dev/block/254:0/uevent", fixture("sys-block-uevent/vda-disk"))
                .file("/sys/class/block/vda/uevent", fixture("sys-block-uevent/vda-disk"));
        Outcome o = run(probe);
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).isEqualTo("The root file system (ext4 on /dev/vda) rests on no encryption layer:"
                + " vda holds it in the clear.");
    }

    // --- a mounted image (--root): configured, not observed ---

    private static FakeProbe image() {
        return FakeProbe.linux().live(false);
    }

    @Test
    void reportsPassConfiguredForAnImageWithLvmOnLuks() {
        FakeProbe probe = Sysfs.debianEncryptedLvmImage();
        Outcome o = run(probe);
        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).isEqualTo("The root file system (ext4 on /dev/mapper/debian--vg-root) is encrypted:"
                + " LVM on LUKS (configured, not observed: read from the image's /etc/fstab and /etc/crypttab).");
        assertThat(o.facts()).containsEntry("observed", false);
        assertThat(probe.read()).noneMatch(p -> p.startsWith("/proc") || p.startsWith("/sys"));
        assertThat(probe.ran()).isEmpty();
    }

    @Test
    void reportsFailConfiguredForAnImageOnAPlainPartition() {
        Outcome o = run(image().file("/etc/fstab", fixture("etc-fstab/plain-partitions-swapfile")));
        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).contains("/dev/sda2 holds it in the clear (configured, not observed");
    }

    @Test
    void reportsUnknownForAnImageWhoseRootIsNamedByUuid() {
        Outcome o = run(image().file("/etc/fstab", fixture("etc-fstab/fedora-btrfs-uuid")));
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).isEqualTo("which device UUID=8f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b names cannot be told"
                + " from a mounted image");
    }

    @Test
    void reportsUnknownForAnImageWithoutFstab() {
        Outcome o = run(image());
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).isEqualTo("cannot tell the image's root device: /etc/fstab does not exist");
    }

    @Test
    void reportsUnknownForAnImageWhoseFstabHasNoRoot() {
        Outcome o = run(image().file("/etc/fstab", fixture("etc-fstab/garbled")));
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).isEqualTo("the image's /etc/fstab has no entry for /");
    }
}
