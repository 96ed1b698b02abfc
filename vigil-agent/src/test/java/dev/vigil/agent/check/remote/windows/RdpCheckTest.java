package dev.vigil.agent.check.remote.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Need;
import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.windows.Registry;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.Status;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RdpCheckTest {

    private static final String NOT_FOUND = Fixtures.output("windows/reg-query/not-found-stderr.txt");

    /** A Windows host whose Group Policy sets nothing for Remote Desktop. */
    private static FakeProbe noPolicy() {
        return FakeProbe.linux().family(OsFamily.WINDOWS)
                .command(Registry.value(RdpCheck.POLICY, RdpCheck.DENY).argv(), 1, "", NOT_FOUND)
                .command(Registry.value(RdpCheck.POLICY, RdpCheck.NLA).argv(), 1, "", NOT_FOUND);
    }

    private static FakeProbe local(FakeProbe p, String name, String fixture) {
        String key = name.equals(RdpCheck.DENY) ? RdpCheck.TERMINAL_SERVER : RdpCheck.RDP_TCP;
        return p.command(Registry.value(key, name).argv(), 0, Fixtures.output("windows/reg-query/" + fixture + ".txt"));
    }

    private static Outcome run(FakeProbe p) {
        return new RdpCheck().run(p, Policy.defaults());
    }

    @Test
    void reportsPassWhenRemoteDesktopIsDisabledWithoutAskingAboutNla() {
        FakeProbe p = local(noPolicy(), RdpCheck.DENY, "fdenytsconnections-1");

        Outcome o = run(p);

        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).isEqualTo("Remote Desktop is disabled (fDenyTSConnections = 1, local setting).");
        assertThat(o.facts()).containsEntry("remote_desktop", "disabled").containsEntry("remote_desktop_set_by", "local setting");
        assertThat(p.ran()).noneMatch(argv -> argv.contains(RdpCheck.NLA));
    }

    @Test
    void reportsWarnWhenEnabledWithNla() {
        Outcome o = run(local(local(noPolicy(), RdpCheck.DENY, "fdenytsconnections-0"), RdpCheck.NLA, "userauthentication-1"));

        assertThat(o.status()).isEqualTo(Status.WARN);
        assertThat(o.detail()).isEqualTo("Remote Desktop is enabled, with Network Level Authentication required.");
        assertThat(o.facts()).containsEntry("remote_desktop", "enabled").containsEntry("network_level_authentication", "required");
    }

    @Test
    void reportsFailWhenEnabledWithoutNla() {
        Outcome o = run(local(local(noPolicy(), RdpCheck.DENY, "fdenytsconnections-0"), RdpCheck.NLA, "userauthentication-0"));

        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).startsWith("Remote Desktop is enabled without Network Level Authentication");
        assertThat(o.facts()).containsEntry("network_level_authentication", "not required")
                .containsEntry("network_level_authentication_set_by", "local setting");
    }

    @Test
    void groupPolicyOverridesTheLocalSetting() {
        FakeProbe p = FakeProbe.linux().family(OsFamily.WINDOWS)
                .command(Registry.value(RdpCheck.POLICY, RdpCheck.DENY).argv(), 0,
                        "\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\r\n    fDenyTSConnections    REG_DWORD    0x1\r\n\r\n");
        local(p, RdpCheck.DENY, "fdenytsconnections-0");

        Outcome o = run(p);

        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.facts()).containsEntry("remote_desktop_set_by", "Group Policy");
    }

    @Test
    void reportsWarnWhenEnabledAndTheNlaValueIsNotSet() {
        FakeProbe p = local(noPolicy(), RdpCheck.DENY, "fdenytsconnections-0")
                .command(Registry.value(RdpCheck.RDP_TCP, RdpCheck.NLA).argv(), 1, "", NOT_FOUND);

        Outcome o = run(p);

        assertThat(o.status()).isEqualTo(Status.WARN);
        assertThat(o.detail()).contains("could not be read (UserAuthentication is not set)");
    }

    @Test
    void reportsUnknownWhenTheDenyValueIsSetNowhere() {
        FakeProbe p = noPolicy().command(Registry.value(RdpCheck.TERMINAL_SERVER, RdpCheck.DENY).argv(), 1, "", NOT_FOUND);

        Outcome o = run(p);

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).isEqualTo("cannot tell whether Remote Desktop is enabled: fDenyTSConnections is set neither by Group Policy nor locally");
    }

    @Test
    void reportsUnknownWhenRegIsMissingOrHangs() {
        assertThat(run(FakeProbe.linux().family(OsFamily.WINDOWS)).detail())
                .isEqualTo("cannot tell whether Remote Desktop is enabled: command not found: reg");
        Outcome o = run(FakeProbe.linux().family(OsFamily.WINDOWS)
                .timedOut(Registry.value(RdpCheck.POLICY, RdpCheck.DENY).argv(), Duration.ofSeconds(5)));
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("timed out after 5 s");
    }

    @Test
    void reportsUnknownWhenTheValueIsNotADword() {
        FakeProbe p = noPolicy().command(Registry.value(RdpCheck.TERMINAL_SERVER, RdpCheck.DENY).argv(), 0,
                "\r\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\r\n    fDenyTSConnections    REG_SZ    yes\r\n\r\n");

        assertThat(run(p).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void needsNoAdministrator() {
        assertThat(new RdpCheck().needs()).containsExactly(Need.LIVE_SYSTEM);
        assertThat(run(local(noPolicy(), RdpCheck.DENY, "fdenytsconnections-1").elevated(false)).status()).isEqualTo(Status.PASS);
        assertThat(run(local(noPolicy(), RdpCheck.DENY, "fdenytsconnections-1").live(false)).status()).isEqualTo(Status.UNKNOWN);
    }
}
