package dev.vigil.agent.check.kernel.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.LiveProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.report.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel checks against a real file system tree audited with --root, with Debian's links and a mask. */
class MountedKernelTest {

    @TempDir
    Path root;

    private void write(String path, String text) throws IOException {
        Path p = root.resolve(path.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void link(String path, String target) throws IOException {
        Path p = root.resolve(path.substring(1));
        Files.createDirectories(p.getParent());
        Files.createSymbolicLink(p, Path.of(target));
    }

    @Test
    void readsTheImagesConfigurationThroughItsOwnLinks() throws IOException {
        Files.createDirectories(root.resolve("usr/lib/sysctl.d"));
        link("/lib", "usr/lib");
        write("/usr/lib/sysctl.d/99-protect-links.conf", Fixtures.output("linux/sysctl-d/debian-protect-links.txt"));
        write("/usr/lib/sysctl.d/50-default.conf", Fixtures.output("linux/sysctl-d/systemd-50-default-globs.txt"));
        // Debian: /etc/sysctl.d/99-sysctl.conf -> ../sysctl.conf; here also a mask of the systemd defaults
        write("/etc/sysctl.conf", "kernel.randomize_va_space = 1\n");
        link("/etc/sysctl.d/99-sysctl.conf", "../sysctl.conf");
        link("/etc/sysctl.d/50-default.conf", "/dev/null");
        write("/boot/config-6.1.0-18-amd64", Fixtures.output("linux/boot-config/distro-hardened.txt"));

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
