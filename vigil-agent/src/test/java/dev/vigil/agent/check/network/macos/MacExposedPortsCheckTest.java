package dev.vigil.agent.check.network.macos;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MacExposedPortsCheckTest {

    private static final List<String> LSOF = MacExposedPortsCheck.LSOF_LISTEN.argv();

    private static FakeProbe mac(boolean root) {
        return FakeProbe.linux().family(OsFamily.MACOS).elevated(root);
    }

    private static Outcome run(FakeProbe probe) {
        return new MacExposedPortsCheck().run(probe, Policy.defaults());
    }

    private static Outcome withFixture(String fixture, boolean root) {
        String out = Fixtures.output("macos/lsof-listen/" + fixture + ".txt");
        return run(mac(root).command(LSOF, out.isEmpty() ? 1 : 0, out));
    }

    @ParameterizedTest(name = "{0} (root {1}) -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # fixture                  | root  | status  | detail contains
            hardened-loopback-only     | true  | PASS    | No TCP port is reachable beyond loopback (2 loopback-only ports).
            empty                      | true  | PASS    | No TCP port is listening.
            neglected-sharing-on       | true  | FAIL    | 22 (launchd), 445 (launchd), 5900 (launchd), 6379 (redis-ser); also exposed: 5000 (ControlCe), 7000 (ControlCe), 49152 (rapportd)
            one-address-and-link-local | true  | FAIL    | 8080 (java); also exposed: 5000 (ControlCe)
            user-only-loopback         | true  | PASS    | (1 loopback-only port)
            user-only-loopback         | false | UNKNOWN | requires root: without it lsof lists only the current user's processes
            neglected-sharing-on       | false | FAIL    | (only the current user's processes were visible: not root)
            """)
    void judgesListenersByBoundAddress(String fixture, boolean root, Status status, String detail) {
        Outcome o = withFixture(fixture, root);

        assertThat(o.status()).isEqualTo(status);
        assertThat(o.detail()).contains(detail);
    }

    @Test
    void warnsAboutExposedPortsThatAreNotHighRisk() {
        Outcome o = run(mac(true).command(LSOF, 0, "p402\ncrapportd\ntIPv4\nn*:49152\n"));

        assertThat(o.status()).isEqualTo(Status.WARN);
        assertThat(o.detail()).isEqualTo("TCP ports are reachable beyond loopback (none of them high-risk): 49152 (rapportd).");
    }

    @Test
    void listsEveryListenerInTheFacts() {
        Outcome o = withFixture("neglected-sharing-on", true);

        assertThat(o.facts()).containsEntry("exposed_high_risk_ports", List.of(22, 445, 5900, 6379))
                .containsEntry("exposed_other_ports", List.of(5000, 7000, 49152))
                .containsEntry("loopback_only_ports", List.of(3000))
                .doesNotContainKey("visibility");
        assertThat((List<?>) o.facts().get("listeners")).hasSize(15).first().isEqualTo(Map.of("address", "*", "port", 22, "family", "ipv4",
                "bound", "all interfaces", "exposed", true, "pid", 1L, "process", "launchd"));
    }

    @Test
    void saysWhatItCouldNotSeeWithoutRoot() {
        assertThat(withFixture("user-only-loopback", false).facts()).containsKey("visibility").containsKey("listeners");
    }

    @Test
    void followsThePolicysHighRiskPorts() {
        Policy onlyRedis = new Policy(Set.of(6379), 2, Map.of(), Set.of("no"), 7, "0640", List.of("root"), 35, 90, 7);
        Outcome o = new MacExposedPortsCheck().run(mac(true).command(LSOF, 0, "p1\nclaunchd\ntIPv4\nn*:22\n"), onlyRedis);

        assertThat(o.status()).isEqualTo(Status.WARN);
    }

    @Test
    void treatsExitOneWithoutOutputAsNothingListening() {
        assertThat(run(mac(true).command(LSOF, 1, "", "lsof: WARNING: can't stat() nfs file system /Volumes/share\n")).status())
                .isEqualTo(Status.PASS);
    }

    @Test
    void reportsUnknownWhenLsofFails() {
        Outcome o = run(mac(true).command(LSOF, 1, "", "lsof: unsupported TCP/TPI info selection: C\n"));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("exited 1: lsof: unsupported TCP/TPI info selection");
    }

    @Test
    void reportsUnknownForGarbledOutput() {
        Outcome o = withFixture("table-form", true);

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("unrecognised output from `/usr/sbin/lsof -nP -iTCP -sTCP:LISTEN -F pcnt`");
    }

    @Test
    void reportsUnknownWhenLsofIsMissingOrHangs() {
        assertThat(run(mac(true)).detail()).isEqualTo("command not found: /usr/sbin/lsof");
        assertThat(run(mac(true).timedOut(LSOF, Duration.ofSeconds(5))).detail()).contains("timed out after 5 s");
    }

    @Test
    void reportsUnknownUnderRootSinceNoCommandRuns() {
        assertThat(run(mac(true).live(false)).detail()).contains("mounted file system");
    }
}
