package dev.vigil.agent.check.firewall.macos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Check;
import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.FileStat;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MacFirewallChecksTest {

    private static final List<String> GLOBAL = AppFirewall.GLOBAL_STATE.argv();
    private static final List<String> STEALTH = AppFirewall.STEALTH_MODE.argv();
    private static final List<String> BLOCK_ALL = AppFirewall.BLOCK_ALL.argv();

    private static FakeProbe mac() {
        return FakeProbe.linux().family(OsFamily.MACOS);
    }

    private static String out(String fixture) {
        return Fixtures.output("macos/socketfilterfw/" + fixture + ".txt");
    }

    private static Outcome run(Check check, FakeProbe probe) {
        return check.run(probe, Policy.defaults());
    }

    @ParameterizedTest(name = "firewall.enabled with {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            globalstate-enabled        | PASS    | is on (State = 1).
            globalstate-enabled-state2 | PASS    | is on (State = 2).
            globalstate-blocking-all   | PASS    | is on (State = 2).
            globalstate-disabled       | FAIL    | is off (State = 0)
            malformed-kolide           | UNKNOWN | it does not state whether the firewall is on
            managed-refusal            | UNKNOWN | only the refusal for managed Macs
            garbled                    | UNKNOWN | unrecognised output from `/usr/libexec/ApplicationFirewall/socketfilterfw --getglobalstate`
            """)
    void judgesTheGlobalState(String fixture, Status status, String detail) {
        Outcome o = run(new MacFirewallCheck(), mac().command(GLOBAL, 0, out(fixture)));

        assertThat(o.status()).isEqualTo(status);
        assertThat(o.detail()).contains(detail);
    }

    @ParameterizedTest(name = "firewall.stealth with {0} and {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            stealth-on           | globalstate-enabled  | PASS    | Stealth mode is on
            stealth-enabled-old  | globalstate-enabled  | PASS    | Stealth mode is on
            stealth-off          | globalstate-enabled  | FAIL    | Stealth mode is off
            stealth-disabled-old | globalstate-disabled | FAIL    | Stealth mode is off
            stealth-on           | globalstate-disabled | FAIL    | no effect while the application firewall is off
            stealth-on           | garbled              | UNKNOWN | stealth mode is set, but whether the firewall is on
            stealth-on           | malformed-kolide     | UNKNOWN | it does not state the global state
            globalstate-enabled  | globalstate-enabled  | UNKNOWN | it does not state whether stealth mode is on
            """)
    void judgesStealthModeTogetherWithTheGlobalState(String stealth, String global, Status status, String detail) {
        Outcome o = run(new MacFirewallStealthCheck(), mac().command(STEALTH, 0, out(stealth)).command(GLOBAL, 0, out(global)));

        assertThat(o.status()).isEqualTo(status);
        assertThat(o.detail()).contains(detail);
    }

    @ParameterizedTest(name = "firewall.block-all with {0} and {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            blockall-enabled      | globalstate-enabled      | PASS    | blocks all incoming connections
            blockall-enabled-old  | globalstate-blocking-all | PASS    | blocks all incoming connections
            globalstate-blocking-all | globalstate-blocking-all | PASS | blocks all incoming connections
            blockall-disabled     | globalstate-enabled      | WARN    | Block all incoming connections is off
            blockall-disabled-old | globalstate-enabled      | WARN    | Block all incoming connections is off
            blockall-enabled      | globalstate-disabled     | WARN    | no effect while the application firewall is off
            blockall-enabled      | empty                    | UNKNOWN | whether the firewall is on (without which it has no effect) is unknown
            stealth-on            | globalstate-enabled      | UNKNOWN | it does not state whether block all incoming connections is on
            """)
    void judgesBlockAllTogetherWithTheGlobalState(String blockAll, String global, Status status, String detail) {
        Outcome o = run(new MacFirewallBlockAllCheck(), mac().command(BLOCK_ALL, 0, out(blockAll)).command(GLOBAL, 0, out(global)));

        assertThat(o.status()).isEqualTo(status);
        assertThat(o.detail()).contains(detail);
    }

    @Test
    void offSettingsNeedNoSecondQuery() {
        FakeProbe probe = mac().command(STEALTH, 0, out("stealth-off")).command(BLOCK_ALL, 0, out("blockall-disabled"));

        assertThat(run(new MacFirewallStealthCheck(), probe).status()).isEqualTo(Status.FAIL);
        assertThat(run(new MacFirewallBlockAllCheck(), probe).status()).isEqualTo(Status.WARN);
        assertThat(probe.ran()).containsExactly(STEALTH, BLOCK_ALL);
    }

    @Test
    void saysWhenAConfigurationProfileManagesTheFirewall() {
        FakeProbe probe = mac().command(GLOBAL, 0, out("globalstate-enabled"))
                .stat(AppFirewall.MANAGED_PROFILE, FileStat.Type.FILE, 0644, 0, 0, Instant.EPOCH);

        assertThat(run(new MacFirewallCheck(), probe).facts())
                .containsEntry("managed_by_profile", AppFirewall.MANAGED_PROFILE)
                .containsEntry("state", "on")
                .containsEntry("state_number", 1);
    }

    @Test
    void reportsUnknownWhenSocketfilterfwIsMissing() {
        for (Check check : checks().toList()) {
            Outcome o = run(check, mac());

            assertThat(o.status()).isEqualTo(Status.UNKNOWN);
            assertThat(o.detail()).isEqualTo("command not found: /usr/libexec/ApplicationFirewall/socketfilterfw");
        }
    }

    @Test
    void reportsUnknownWhenSocketfilterfwTimesOut() {
        FakeProbe probe = mac().timedOut(GLOBAL, Duration.ofSeconds(5)).timedOut(STEALTH, Duration.ofSeconds(5)).timedOut(BLOCK_ALL, Duration.ofSeconds(5));

        for (Check check : checks().toList()) {
            assertThat(run(check, probe).detail()).contains("timed out after 5 s");
        }
    }

    @Test
    void reportsUnknownWhenSocketfilterfwFails() {
        Outcome o = run(new MacFirewallCheck(), mac().command(GLOBAL, 1, "", "socketfilterfw: could not connect to the firewall service\n"));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("`/usr/libexec/ApplicationFirewall/socketfilterfw --getglobalstate` exited 1");
    }

    @Test
    void decidesWithoutRootSinceTheQueriesNeedNone() {
        FakeProbe probe = mac().elevated(false).command(GLOBAL, 0, out("globalstate-enabled")).command(STEALTH, 0, out("stealth-on"))
                .command(BLOCK_ALL, 0, out("blockall-disabled"));

        assertThat(checks().map(c -> run(c, probe).status())).containsExactly(Status.PASS, Status.PASS, Status.WARN);
        assertThat(checks().map(Check::needs)).allSatisfy(n -> assertThat(n).containsExactly(Need.LIVE_SYSTEM));
    }

    @Test
    void reportsUnknownUnderRootSinceNoCommandRuns() {
        FakeProbe probe = mac().live(false).command(GLOBAL, 0, out("globalstate-enabled"));

        for (Check check : checks().toList()) {
            assertThat(run(check, probe).detail()).contains("mounted file system");
        }
    }

    private static Stream<Check> checks() {
        return Stream.of(new MacFirewallCheck(), new MacFirewallStealthCheck(), new MacFirewallBlockAllCheck());
    }
}
