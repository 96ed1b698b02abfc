package dev.vigil.agent.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.report.Host;
import dev.vigil.core.report.OsFamily;
import org.junit.jupiter.api.Test;

class MacHostTest {

    private static FakeProbe mac() {
        return FakeProbe.linux().family(OsFamily.MACOS);
    }

    @Test
    void namesTheMacFromIoregScutilAndSwVers() {
        Host h = MacHost.of(mac()
                .command(MacHost.IOREG.argv(), 0, Fixtures.output("macos/ioreg-platformexpert/macbookpro.txt"))
                .command(MacHost.COMPUTER_NAME.argv(), 0, "Studio MacBook Pro\n")
                .command(MacHost.SW_VERS.argv(), 0, Fixtures.output("macos/sw_vers/sonoma.txt")));
        assertThat(h.id()).isEqualTo(HostIdentity.hostId("5A3C1E2B-7D4F-4E91-9B0A-2C6D8E1F3A47"));
        assertThat(h.hostname()).isEqualTo("Studio MacBook Pro");
        assertThat(h.os().family()).isEqualTo(OsFamily.MACOS);
        assertThat(h.os().name()).isEqualTo("macOS 14.7.1 (23H222)");
        assertThat(h.os().version()).isEqualTo("14.7.1");
    }

    @Test
    void readsTheOlderMacOsXProductName() {
        assertThat(MacHost.swVers(Fixtures.output("macos/sw_vers/catalina.txt")))
                .containsEntry("ProductName", "Mac OS X").containsEntry("ProductVersion", "10.15.7").containsEntry("BuildVersion", "19H2026");
    }

    @Test
    void fallsBackToHostnameAndAHostnameIdWhenCommandsGiveNothing() {
        Host h = MacHost.of(mac().command(MacHost.HOSTNAME.argv(), 0, "build-mac.local\n").command(MacHost.IOREG.argv(), 0, "garbage"));
        assertThat(h.hostname()).isEqualTo("build-mac.local");
        assertThat(h.id()).isEqualTo(HostIdentity.hostId("hostname:build-mac.local"));
        assertThat(h.os().name()).isEqualTo("macOS");
        assertThat(MacHost.of(mac().live(false)).hostname()).isEqualTo("localhost");
    }
}
