package dev.vigil.agent.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.agent.check.windows.Registry;
import dev.vigil.core.report.Host;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.OsInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowsHostTest {

    private static String reg(String name) {
        return Fixtures.output("windows/reg-query/" + name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // ProductName says Windows 10, build 22631 is Windows 11
            "currentversion-win11.txt | Windows 11 Pro | 23H2 (build 22631.4460)",
            // a real Windows 10
            "currentversion-win10.txt | Windows 10 Enterprise | 22H2 (build 19045.5131)",
            // Server 2019: no DisplayVersion, ReleaseId instead
            "currentversion-server2019.txt | Windows Server 2019 Datacenter | 1809 (build 17763.6532)",
    })
    void namesTheOperatingSystem(String fixture, String name, String version) throws ParseException {
        assertThat(WindowsHost.os(Registry.parse(reg(fixture)).getFirst())).isEqualTo(new OsInfo(OsFamily.WINDOWS, name, version));
    }

    @Test
    void identifiesTheHostFromMachineGuidHostnameAndCurrentVersion() {
        FakeProbe probe = FakeProbe.linux().family(OsFamily.WINDOWS)
                .command(WindowsHost.MACHINE_GUID.argv(), 0, reg("machineguid.txt"))
                .command(WindowsHost.HOSTNAME.argv(), 0, Fixtures.output("windows/hostname/plain.txt"))
                .command(WindowsHost.CURRENT_VERSION.argv(), 0, reg("currentversion-win11.txt"));
        Host host = WindowsHost.of(probe);
        assertThat(host.id()).isEqualTo(HostIdentity.hostId("4c3f2a9e-8b1d-4e6f-a2c7-5d9e0b1f3a68")).hasSize(32);
        assertThat(host.hostname()).isEqualTo("DESKTOP-7Q2M4KD");
        assertThat(host.os()).isEqualTo(new OsInfo(OsFamily.WINDOWS, "Windows 11 Pro", "23H2 (build 22631.4460)"));
        assertThat(host.arch()).isEqualTo("x86_64");
    }

    @Test
    void fallsBackToTheHostnameWhenTheRegistryCannotBeRead() {
        FakeProbe probe = FakeProbe.linux().family(OsFamily.WINDOWS)
                .command(WindowsHost.HOSTNAME.argv(), 0, "LAPTOP-1\r\n")
                .command(WindowsHost.MACHINE_GUID.argv(), 1, "", reg("access-denied.txt"));
        Host host = WindowsHost.of(probe);
        assertThat(host.id()).isEqualTo(HostIdentity.hostId("hostname:LAPTOP-1"));
        assertThat(host.os()).isEqualTo(new OsInfo(OsFamily.WINDOWS, "Windows", ""));
        assertThat(WindowsHost.of(FakeProbe.linux().family(OsFamily.WINDOWS)).hostname()).isEqualTo("localhost");
    }
}
