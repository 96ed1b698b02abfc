package dev.vigil.agent.check.network.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.CheckRunner;
import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinuxExposedPortsCheckTest {

    private static FakeProbe host(String fixture) {
        return FakeProbe.linux()
                .file(LinuxExposedPortsCheck.TCP, Fixtures.output("linux/proc-net-tcp/" + fixture + ".txt"))
                .file(LinuxExposedPortsCheck.TCP6, Fixtures.output("linux/proc-net-tcp6/" + fixture + ".txt"));
    }

    private static Outcome run(FakeProbe probe) {
        return new LinuxExposedPortsCheck().run(probe, Policy.defaults());
    }

    @Test
    void reportsFailWhenHighRiskPortsAreExposed() {
        Outcome o = run(host("mixed-high-risk").socketOwner(17208, 412, "sshd").socketOwner(17215, 977, "mariadbd"));

        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).isEqualTo("High-risk TCP ports are reachable beyond loopback: 22 (sshd), 80, 3306 (mariadbd); also exposed: 8443, 9100.");
        assertThat(o.facts()).containsEntry("exposed_high_risk_ports", List.of(22, 80, 3306))
                .containsEntry("exposed_other_ports", List.of(8443, 9100))
                .containsEntry("loopback_only_ports", List.of(53, 631, 5432, 6379))
                .doesNotContainKey("process_owners");
        assertThat(o.facts()).extractingByKey("listeners").asList().hasSize(9)
                .contains(Map.of("address", "0.0.0.0", "port", 22, "family", "ipv4", "bound", "all interfaces", "exposed", true,
                        "process", "sshd", "pid", 412L));
    }

    @Test
    void reportsWarnWhenOnlyOtherPortsAreExposedNamingEachPortOnce() {
        Outcome o = run(host("other-port-dual-stack"));

        assertThat(o.status()).isEqualTo(Status.WARN);
        assertThat(o.detail()).isEqualTo("TCP ports are reachable beyond loopback (none of them high-risk): 8443.");
        assertThat(o.facts()).extractingByKey("listeners").asList().hasSize(3);
    }

    @Test
    void reportsPassWhenEveryListenerIsOnLoopback() {
        Outcome o = run(host("loopback-only"));

        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).isEqualTo("No TCP port is reachable beyond loopback (4 loopback-only ports).");
    }

    @Test
    void reportsPassWhenNothingListens() {
        Outcome o = run(host("no-listeners"));

        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).isEqualTo("No TCP port is listening.");
    }

    @Test
    void saysOwnersNeedRootWhenNotElevated() {
        Outcome o = run(host("mixed-high-risk").elevated(false).socketOwner(17208, 412, "sshd"));

        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).contains("22, 80, 3306");
        assertThat(o.facts()).containsEntry("process_owners", "not shown: finding the process behind a socket requires root");
    }

    @Test
    void usesThePolicysHighRiskPorts() {
        Policy onlyTelnet = new Policy(Set.of(23), 2, Map.of(), Set.of("no"), 7, "0640", List.of("root"), 35, 90, 7);

        Outcome o = new LinuxExposedPortsCheck().run(host("mixed-high-risk"), onlyTelnet);

        assertThat(o.status()).isEqualTo(Status.WARN);
    }

    @Test
    void treatsAMissingTcp6AsIpv6Disabled() {
        Outcome o = run(FakeProbe.linux().file(LinuxExposedPortsCheck.TCP, Fixtures.output("linux/proc-net-tcp/loopback-only.txt")));

        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.facts()).extractingByKey("notes").asList().contains("/proc/net/tcp6 does not exist: IPv6 is disabled");
    }

    @Test
    void reportsUnknownWhenTheTcpTableIsMissing() {
        Outcome o = run(FakeProbe.linux());

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).isEqualTo("/proc/net/tcp does not exist");
    }

    @Test
    void reportsUnknownWhenTheTableIsTruncated() {
        Outcome o = run(FakeProbe.linux().file(LinuxExposedPortsCheck.TCP, Fixtures.output("linux/proc-net-tcp/truncated.txt")));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("unrecognised listening sockets table: expected at least 10 fields");
    }

    @Test
    void reportsUnknownWhenTcp6IsDenied() {
        Outcome o = run(FakeProbe.linux().file(LinuxExposedPortsCheck.TCP, Fixtures.output("linux/proc-net-tcp/loopback-only.txt"))
                .deniedFile(LinuxExposedPortsCheck.TCP6));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).isEqualTo("permission denied reading /proc/net/tcp6");
    }

    @Test
    void needsALiveSystemSoTheRunnerReportsUnknownUnderRoot() {
        assertThat(new LinuxExposedPortsCheck().needs()).containsExactly(Need.LIVE_SYSTEM);

        List<Finding> f = new CheckRunner(Catalog.bundled(), Policy.defaults(), Duration.ofSeconds(5))
                .run(List.of(new LinuxExposedPortsCheck()), host("mixed-high-risk").live(false));

        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(Status.UNKNOWN);
            assertThat(x.detail()).isEqualTo(Need.LIVE_SYSTEM.reason());
        });
    }
}
