package dev.vigil.agent.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.core.report.Host;
import org.junit.jupiter.api.Test;

class HostIdentityTest {

    @Test
    void hashesTheMachineIdSoTheRawIdNeverAppears() {
        Host h = HostIdentity.of(FakeProbe.linux()
                .file("/etc/machine-id", "3d1219c7c4c5404aaa1f6d2a48adfda4\n")
                .file("/proc/sys/kernel/hostname", "web-1\n")
                .file("/etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nVERSION_ID=\"12\"\n"));
        assertThat(h.id()).hasSize(32).matches("[0-9a-f]{32}").isNotEqualTo("3d1219c7c4c5404aaa1f6d2a48adfda4");
        assertThat(h.id()).isEqualTo(HostIdentity.hostId("3d1219c7c4c5404aaa1f6d2a48adfda4"));
        assertThat(h.hostname()).isEqualTo("web-1");
        assertThat(h.os().name()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(h.os().version()).isEqualTo("12");
    }

    @Test
    void isStableForTheSameMachineId() {
        assertThat(HostIdentity.hostId("abc\n")).isEqualTo(HostIdentity.hostId("abc"));
        assertThat(HostIdentity.hostId("abc")).isNotEqualTo(HostIdentity.hostId("abd"));
    }

    @Test
    void aMountedImageIsNamedByItsOwnFiles() {
        Host h = HostIdentity.of(FakeProbe.linux().live(false)
                .file("/etc/hostname", "image\n")
                .file("/var/lib/dbus/machine-id", "0123\n")
                .file("/usr/lib/os-release", "NAME=\"Alpine Linux\"\nVERSION_ID=3.20.0\n"));
        assertThat(h.hostname()).isEqualTo("image");
        assertThat(h.id()).isEqualTo(HostIdentity.hostId("0123"));
        assertThat(h.os().name()).isEqualTo("Alpine Linux");
    }

    @Test
    void fallsBackWhenNothingIsReadable() {
        Host h = HostIdentity.of(FakeProbe.linux());
        assertThat(h.hostname()).isEqualTo("localhost");
        assertThat(h.os().name()).isEqualTo("Linux");
        assertThat(h.id()).hasSize(32);
    }
}
