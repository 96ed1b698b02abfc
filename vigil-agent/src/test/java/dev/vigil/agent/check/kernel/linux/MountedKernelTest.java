package dev.vigil.agent.check.kernel.linux;

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

/** The kernel checks against a real file system tree audited with --root, with Debian's links and a mask. */
class MountedKernelTest {

    @TempDir
    Path root;

    private RootTree tree() {
        return new RootTree(root);
    }

    @Test
    void readsTheImagesConfigurationThroughItsOwnLinks() {
        tree().folder("/usr/lib/sysctl.d");
        tree().link("/lib", "usr/lib");
        tree().write("/usr/lib/sysctl.d/99-protect-links.conf", Fixtures.output("linux/sysctl-d/debian-protect-links.txt"));
        tree().write("/usr/lib/sysctl.d/50-default.conf", Fixtures.output("linux/sysctl-d/systemd-50-default-globs.txt"));
        // Debian: /etc/sysctl.d/99-sysctl.conf -> ../sysctl.conf; here also a mask of the systemd defaults
        tree().write("/etc/sysctl.conf", "kernel.randomize_va_space = 1\n");
        tree().link("/etc/sysctl.d/99-sysctl.conf", "../sysctl.conf");
        tree().link("/etc/sysctl.d/50-default.conf", "/dev/null");
        tree().write("/boot/config-6.1.0-18-amd64", Fixtures.output("linux/boot-config/distro-hardened.txt"));

        LiveProbe probe = LiveProbe.mounted(root);
        Outcome aslr = new AslrCheck().run(probe, Policy.defaults());
        assertThat(aslr.status()).isEqualTo(Status.WARN);
        assertThat(aslr.detail()).contains("configured value, from /etc/sysctl.conf");

        Outcome sysctls = new SysctlHardeningCheck().run(probe, Policy.defaults());
        assertThat(sysctls.status()).isEqualTo(Status.FAIL);
        // protect-links from /usr/lib (also seen through /lib, applied once); systemd's defaults masked, so rp_filter is the kernel's 0
        assertThat(sysctls.detail()).contains("net.ipv4.conf.all.rp_filter = 0 (expected >=1)").doesNotContain("fs.protected_symlinks");
        assertThat(sysctls.facts().get("files").toString()).contains("/usr/lib/sysctl.d/99-protect-links.conf")
                .doesNotContain("50-default.conf");
    }
}
