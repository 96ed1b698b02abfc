package dev.vigil.agent.check.firewall.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Check;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** firewall.enabled and firewall.default-inbound: they read the same sources. */
class WindowsFirewallChecksTest {

    private static FakeProbe windows() {
        return FakeProbe.linux().family(OsFamily.WINDOWS);
    }

    private static FakeProbe cmdlet(String fixture) {
        return windows().command(FirewallProfiles.CMDLET.argv(), 0, Fixtures.output("windows/get-netfirewallprofile/" + fixture + ".txt"));
    }

    private static FakeProbe netsh(String state, String policy) {
        return windows()
                .command(WindowsFirewallCheck.NETSH.argv(), 0, Fixtures.output("windows/netsh-advfirewall-allprofiles/" + state + ".txt"))
                .command(DefaultInboundCheck.NETSH.argv(), 0, Fixtures.output("windows/netsh-advfirewall-allprofiles/" + policy + ".txt"));
    }

    private static Outcome enabled(FakeProbe p) {
        return new WindowsFirewallCheck().run(p, Policy.defaults());
    }

    private static Outcome inbound(FakeProbe p) {
        return new DefaultInboundCheck().run(p, Policy.defaults());
    }

    @ParameterizedTest(name = "{0}: enabled {1}, inbound {3}")
    @CsvSource(delimiter = '|', textBlock = """
            ps51-all-on-block            | PASS    | Windows Firewall is on for the Domain, Private and Public profiles.        | PASS    | are blocked on the Domain, Private and Public profiles.
            ps51-public-domain-off-allow | FAIL    | Windows Firewall is off for the Domain and Public profiles.                | FAIL    | are allowed on the Private profile.
            ps51-not-configured          | PASS    | (Domain, Private and Public by default, not configured).                   | PASS    | are blocked on the Domain, Private and Public profiles.
            ps7-enums-as-strings         | FAIL    | Windows Firewall is off for the Public profile.                            | PASS    | are blocked
            cnquery-private-public-only  | UNKNOWN | the Domain profile was not reported by Get-NetFirewallProfile; the others are on | UNKNOWN | the Domain profile was not reported
            """)
    void judgesTheCmdletsAnswer(String fixture, Status enabledStatus, String enabledDetail, Status inboundStatus, String inboundDetail) {
        Outcome e = enabled(cmdlet(fixture));
        Outcome i = inbound(cmdlet(fixture));

        assertThat(e.status()).isEqualTo(enabledStatus);
        assertThat(e.detail()).contains(enabledDetail.strip());
        assertThat(i.status()).isEqualTo(inboundStatus);
        assertThat(i.detail()).contains(inboundDetail.strip());
    }

    @Test
    void factsNameEveryProfileAndTheDisabledOnes() {
        Outcome o = enabled(cmdlet("ps51-public-domain-off-allow"));

        assertThat(o.facts()).containsEntry("profiles", Map.of("domain", "off", "private", "on", "public", "off"))
                .containsEntry("disabled_profiles", List.of("Domain", "Public")).containsEntry("source", "Get-NetFirewallProfile");
        assertThat(inbound(cmdlet("ps51-public-domain-off-allow")).facts())
                .containsEntry("default_inbound", Map.of("domain", "block", "private", "allow", "public", "block"))
                .containsEntry("allowing_profiles", List.of("Private"));
    }

    @ParameterizedTest(name = "{0}/{1}: {2} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            state-all-on     | firewallpolicy-block        | PASS | Windows Firewall is on for the Domain, Private and Public profiles. | PASS
            state-domain-off | firewallpolicy-public-allow | FAIL | Windows Firewall is off for the Domain profile.                     | FAIL
            """)
    void fallsBackToNetshWhenPowerShellIsMissing(String state, String policy, Status enabledStatus, String detail, Status inboundStatus) {
        Outcome e = enabled(netsh(state, policy));
        Outcome i = inbound(netsh(state, policy));

        assertThat(e.status()).isEqualTo(enabledStatus);
        assertThat(e.detail()).isEqualTo(detail.strip());
        assertThat(e.facts()).containsEntry("source", "netsh advfirewall show allprofiles state");
        assertThat(i.status()).isEqualTo(inboundStatus);
    }

    @Test
    void namesThePublicProfileWhenNetshSaysItAllowsInbound() {
        Outcome i = inbound(netsh("state-all-on", "firewallpolicy-public-allow"));

        assertThat(i.detail()).isEqualTo("Inbound connections that no rule matches are allowed on the Public profile.");
        assertThat(i.facts()).containsEntry("default_inbound", Map.of("domain", "block", "private", "block", "public", "allow"));
    }

    @Test
    void fallsBackToNetshWhenTheCmdletFails() {
        FakeProbe p = netsh("state-all-on", "firewallpolicy-block")
                .command(FirewallProfiles.CMDLET.argv(), 1, "", "Get-NetFirewallProfile : The RPC server is unavailable.");

        assertThat(enabled(p).status()).isEqualTo(Status.PASS);
        assertThat(inbound(p).status()).isEqualTo(Status.PASS);
    }

    @Test
    void reportsUnknownForNetshInALanguageItDoesNotKnow() {
        Outcome o = enabled(windows().command(WindowsFirewallCheck.NETSH.argv(), 0,
                Fixtures.output("windows/netsh-advfirewall-allprofiles/state-german.txt")));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("netsh output is in a language the parser does not know")
                .endsWith("(Get-NetFirewallProfile: command not found: powershell.exe)");
    }

    @Test
    void reportsUnknownWhenNothingAnswers() {
        assertThat(enabled(windows()).detail())
                .isEqualTo("cannot read the firewall profiles: command not found: powershell.exe; command not found: netsh");
        assertThat(inbound(windows()).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void reportsUnknownWhenTheCmdletTimesOutAndNetshIsGarbled() {
        FakeProbe p = windows().timedOut(FirewallProfiles.CMDLET.argv(), Duration.ofSeconds(10))
                .command(WindowsFirewallCheck.NETSH.argv(), 0, Fixtures.output("windows/netsh-advfirewall-allprofiles/garbled.txt"));

        Outcome o = enabled(p);

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("unrecognised output from `netsh").contains("timed out after 10 s");
    }

    @Test
    void needNoAdministratorButALiveWindowsSystem() {
        for (Check c : List.<Check>of(new WindowsFirewallCheck(), new DefaultInboundCheck())) {
            assertThat(c.needs()).containsExactly(Need.LIVE_SYSTEM);
            assertThat(c.platforms()).containsExactly(OsFamily.WINDOWS);
            assertThat(c.run(cmdlet("ps51-all-on-block").elevated(false), Policy.defaults()).status()).isEqualTo(Status.PASS);
        }
        assertThat(enabled(cmdlet("ps51-all-on-block").live(false)).status()).isEqualTo(Status.UNKNOWN);
    }
}
