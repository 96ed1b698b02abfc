package dev.vigil.agent.check.files.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.accounts.linux.EmptyPasswordsCheck;
import dev.vigil.agent.check.accounts.linux.Uid0AccountsCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Elevation;
import dev.vigil.agent.probe.LiveProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.report.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account and permission checks against a real file system tree with planted misconfigurations, audited with --root. */
class MountedShadowPermissionsTest {

    @TempDir
    Path root;

    private void write(String path, String text, String perms) throws IOException {
        Path p = root.resolve(path.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }

    @Test
    void findsPlantedMisconfigurationsInAMountedTree() throws IOException {
        assumeTrue(Elevation.effectiveUserId() == 0, "needs root to give the files root ownership and group shadow");
        write("/etc/passwd", Fixtures.output("linux/etc-passwd/planted-uid0-empty.txt"), "rw-r--r--");
        write("/etc/group", Fixtures.output("linux/etc-group/debian12.txt"), "rw-r--r--");
        write("/etc/shadow", Fixtures.output("linux/etc-shadow/planted-hashes-empty.txt"), "rw-r--r--");
        Files.setAttribute(root.resolve("etc/shadow"), "unix:gid", 42);

        LiveProbe probe = LiveProbe.mounted(root);
        Outcome perms = new ShadowPermissionsCheck().run(probe, Policy.defaults());
        assertThat(perms.status()).isEqualTo(Status.FAIL);
        assertThat(perms.detail()).isEqualTo("/etc/shadow has mode 0644, beyond 0640 (others can read).");

        Outcome empty = new EmptyPasswordsCheck().run(probe, Policy.defaults());
        assertThat(empty.status()).isEqualTo(Status.FAIL);
        assertThat(empty.detail()).contains("guest");
        assertThat(empty.toString()).doesNotContain("$6$");

        assertThat(new Uid0AccountsCheck().run(probe, Policy.defaults()).detail()).contains("toor");

        Files.setPosixFilePermissions(root.resolve("etc/shadow"), PosixFilePermissions.fromString("rw-r-----"));
        assertThat(new ShadowPermissionsCheck().run(probe, Policy.defaults()).status()).isEqualTo(Status.PASS);
    }
}
