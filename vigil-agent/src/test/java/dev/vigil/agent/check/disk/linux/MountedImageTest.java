package dev.vigil.agent.check.disk.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.LiveProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.testing.RootTree;
import dev.vigil.core.report.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both checks through the real file access of {@code --root DIR}, on a tree the test builds. */
class MountedImageTest {

    @TempDir
    Path root;

    private RootTree tree() {
        return new RootTree(root);
    }

    @Test
    void readsAnEncryptedLvmImageAsConfiguredNotObserved() {
        tree().write("/etc/fstab", Fixtures.output("linux/etc-fstab/debian-encrypted-lvm.txt"));
        tree().write("/etc/crypttab", Fixtures.output("linux/etc-crypttab/debian-luks.txt"));
        tree().write("/etc/lvm/backup/debian-vg", Fixtures.output("linux/etc-lvm-backup/debian-vg-on-crypt.txt"));
        LiveProbe probe = LiveProbe.mounted(root);

        Outcome system = new LinuxSystemEncryptionCheck().run(probe, Policy.defaults());
        Outcome swap = new LinuxSwapEncryptionCheck().run(probe, Policy.defaults());

        assertThat(system.status()).isEqualTo(Status.PASS);
        assertThat(system.detail()).contains("LVM on LUKS (configured, not observed");
        assertThat(swap.status()).isEqualTo(Status.PASS);
    }

    @Test
    void reportsThePlantedPlainRootAndSwapFileAsFailures() {
        tree().write("/etc/fstab", Fixtures.output("linux/etc-fstab/plain-partitions-swapfile.txt"));
        // a mounted image carries the auditing host's /proc only if someone bind-mounted it: it must not be read
        tree().write("/proc/self/mountinfo", "27 1 253:0 / / rw - ext4 /dev/mapper/luks-host rw\n");
        LiveProbe probe = LiveProbe.mounted(root);

        assertThat(new LinuxSystemEncryptionCheck().run(probe, Policy.defaults()).status()).isEqualTo(Status.FAIL);
        assertThat(new LinuxSwapEncryptionCheck().run(probe, Policy.defaults()).status()).isEqualTo(Status.FAIL);
    }
}
