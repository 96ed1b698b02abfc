package dev.vigil.agent.check.network.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WindowsExposedPortsCheckTest {

    private static FakeProbe windows() {
        return FakeProbe.linux().family(OsFamily.WINDOWS);
    }

    private static FakeProbe cmdlet(String fixture) {
        return windows().command(WindowsExposedPortsCheck.CMDLET.argv(), 0,
                Fixtures.output("windows/get-nettcpconnection-listen/" + fixture + ".txt"));
    }

    private static FakeProbe netstat(String fixture) {
        return windows().command(WindowsExposedPortsCheck.NETSTAT.argv(), 0, Fixtures.output("windows/netstat-ano/" + fixture + ".txt"));
    }

    private static Outcome run(FakeProbe p) {
        return new WindowsExposedPortsCheck().run(p, Policy.defaults());
    }

    @Test
    void reportsFailNamingHighRiskPortsWithTheirProcesses() {
        Outcome o = run(cmdlet("ps51-neglected"));

        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).isEqualTo("High-risk TCP ports are reachable beyond loopback: 135 (svchost), 139 (System), 445 (System), "
                + "3389 (svchost), 5900 (tvnserver); also exposed: 49664 (lsass).");
        assertThat(o.facts()).containsEntry("exposed_high_risk_ports", List.of(135, 139, 445, 3389, 5900))
                .containsEntry("exposed_other_ports", List.of(49664)).containsEntry("loopback_only_ports", List.of(27017))
                .containsEntry("source", "Get-NetTCPConnection").doesNotContainKey("process_owners");
        assertThat(o.facts()).extractingByKey("listeners").asList().hasSize(11)
                .contains(Map.of("address", "192.168.1.23", "port", 139, "family", "ipv4", "bound", "one address", "exposed", true,
                        "process", "System", "pid", 4L));
    }

    @Test
    void treatsTheRpcEndpointMapperLikeAnyOtherPort() {
        Outcome o = run(cmdlet("ps51-workstation"));

        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).startsWith("High-risk TCP ports are reachable beyond loopback: 135 (svchost); also exposed: 5040 (svchost), 49664 (lsass)");
        assertThat(o.facts()).containsEntry("loopback_only_ports", List.of(49670));
    }

    @Test
    void reportsWarnWhenThePolicyDoesNotCountThePortsAsHighRisk() {
        Policy onlyTelnet = new Policy(Set.of(23), 2, Map.of(), Set.of("no"), 7, "0640", List.of("root"), 35, 90, 7);

        Outcome o = new WindowsExposedPortsCheck().run(cmdlet("ps51-workstation"), onlyTelnet);

        assertThat(o.status()).isEqualTo(Status.WARN);
        assertThat(o.detail()).startsWith("TCP ports are reachable beyond loopback (none of them high-risk): 135 (svchost), 5040 (svchost)");
    }

    @Test
    void reportsPassWhenOnlyLoopbackListens() {
        Outcome o = run(cmdlet("ps51-single-loopback"));

        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).isEqualTo("No TCP port is reachable beyond loopback (1 loopback-only port).");
    }

    @Test
    void fallsBackToNetstatWhenTheCmdletIsMissingAndSaysOwnersAreIdsOnly() {
        Outcome o = run(netstat("server-rdp-winrm"));

        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).startsWith("High-risk TCP ports are reachable beyond loopback: 135, 139, 445, 3389; also exposed: 5985, 47001, 49664");
        assertThat(o.facts()).containsEntry("source", "netstat -ano")
                .containsEntry("process_owners", "not shown: netstat -ano gives process ids only");
    }

    @Test
    void fallsBackToNetstatWhenTheCmdletFailsBecauseNothingListens() {
        FakeProbe p = windows().command(WindowsExposedPortsCheck.CMDLET.argv(), 1, "",
                        "Get-NetTCPConnection : No matching MSFT_NetTCPConnection objects found by CIM query")
                .command(WindowsExposedPortsCheck.NETSTAT.argv(), 0, "\r\nActive Connections\r\n\r\n  Proto  Local Address          Foreign Address        State           PID\r\n");

        Outcome o = run(p);

        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).isEqualTo("No TCP port is listening.");
    }

    @Test
    void passesWithNetstatWhenEverythingIsOnLoopback() {
        assertThat(run(netstat("loopback-only")).status()).isEqualTo(Status.PASS);
    }

    @Test
    void reportsUnknownForNetstatInALanguageItDoesNotKnow() {
        Outcome o = run(netstat("german"));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("netstat output is in a language the parser does not know (state 'ABHÖREN')");
    }

    @Test
    void reportsUnknownWhenBothSourcesFail() {
        Outcome o = run(windows().timedOut(WindowsExposedPortsCheck.CMDLET.argv(), Duration.ofSeconds(10)));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("cannot list listening sockets: `powershell.exe").contains("timed out after 10 s")
                .endsWith("command not found: netstat");
    }

    @Test
    void fallsBackWhenTheCmdletPrintsGarbage() {
        FakeProbe p = netstat("loopback-only").command(WindowsExposedPortsCheck.CMDLET.argv(), 0,
                Fixtures.output("windows/get-nettcpconnection-listen/garbled.txt"));

        assertThat(run(p).facts()).containsEntry("source", "netstat -ano");
    }

    @Test
    void needsNoAdministrator() {
        assertThat(new WindowsExposedPortsCheck().needs()).containsExactly(Need.LIVE_SYSTEM);
        assertThat(run(cmdlet("ps51-neglected").elevated(false)).status()).isEqualTo(Status.FAIL);
        assertThat(run(cmdlet("ps51-neglected").live(false)).status()).isEqualTo(Status.UNKNOWN);
    }
}
