package dev.vigil.agent.check.firewall.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.testing.FakeProbe;
import dev.vigil.agent.testing.Fixtures;
import dev.vigil.core.report.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinuxFirewallCheckTest {

    private static final List<String> NFT = LinuxFirewallCheck.NFT.argv();
    private static final List<String> IPTABLES = LinuxFirewallCheck.IPTABLES.argv();
    private static final List<String> IP6TABLES = LinuxFirewallCheck.IP6TABLES.argv();

    private static Outcome run(FakeProbe probe) {
        return new LinuxFirewallCheck().run(probe, Policy.defaults());
    }

    private static String nft(String fixture) {
        return Fixtures.output("linux/nft-list-ruleset/" + fixture + ".txt");
    }

    private static String ipt(String fixture) {
        return Fixtures.output("linux/iptables-s-input/" + fixture + ".txt");
    }

    @Test
    void reportsPassWhenNftablesInputPolicyDrops() {
        FakeProbe probe = FakeProbe.linux().command(NFT, 0, nft("inet-input-drop"));

        Outcome o = run(probe);

        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).isEqualTo("Inbound traffic that no rule allows is dropped by nftables, inet filter input: policy drop.");
        assertThat(o.facts()).containsEntry("mechanism", "nftables").containsEntry("ipv4_input", "filtered")
                .containsEntry("ipv6_input", "filtered").containsEntry("state", "running");
        assertThat(probe.ran()).as("nft answered: nothing else is spawned").containsExactly(NFT);
    }

    @Test
    void reportsPassForACatchAllRejectAndNamesFirewalld() {
        Outcome o = run(FakeProbe.linux().command(NFT, 0, nft("firewalld-catchall-reject")));

        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).contains("managed by firewalld").contains("catch-all reject rule after policy accept");
        assertThat(o.facts()).containsEntry("frontend", "firewalld");
    }

    @Test
    void reportsFailWhenInputPolicyAccepts() {
        Outcome o = run(FakeProbe.linux().command(NFT, 0, nft("debian-default-accept")));

        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).startsWith("Nothing filters inbound IPv4 traffic").contains("inet filter input: policy accept");
        assertThat(o.facts()).containsEntry("ipv4_input", "not filtered");
    }

    @Test
    void reportsFailWhenTheRulesetIsEmpty() {
        Outcome o = run(FakeProbe.linux().command(NFT, 0, nft("empty")));

        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).contains("nftables has no filter chain on the IPv4 input hook");
    }

    @Test
    void reportsWarnWhenIpv6IsOpenOnAHostWithIpv6Addresses() {
        Outcome o = run(FakeProbe.linux().command(NFT, 0, nft("ipv4-drop-ipv6-accept"))
                .file("/proc/net/if_inet6", Fixtures.output("linux/if_inet6/eth0-and-lo.txt")));

        assertThat(o.status()).isEqualTo(Status.WARN);
        assertThat(o.detail()).contains("IPv6 is not").contains("eth0");
        assertThat(o.facts()).containsEntry("ipv6_input", "not filtered").containsEntry("ipv6_interfaces", List.of("eth0"));
    }

    @Test
    void reportsPassWhenIpv6IsOpenButOnlyLoopbackHasIpv6() {
        Outcome o = run(FakeProbe.linux().command(NFT, 0, nft("ipv4-drop-ipv6-accept"))
                .file("/proc/net/if_inet6", Fixtures.output("linux/if_inet6/loopback-only.txt")));

        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.facts()).containsEntry("ipv6_input", "not filtered");
    }

    @Test
    void asksLegacyIptablesWhenNftSeesNothingAndTheKernelHoldsALegacyFilterTable() {
        FakeProbe probe = FakeProbe.linux().command(NFT, 0, nft("empty"))
                .file("/proc/net/ip_tables_names", "filter\n")
                .command(LinuxFirewallCheck.IPTABLES_LEGACY.argv(), 0, ipt("ufw-policy-drop"));

        Outcome o = run(probe);

        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.facts()).containsEntry("mechanism", "iptables-legacy").containsEntry("frontend", "ufw");
        assertThat(o.detail()).contains("dropped by iptables-legacy (managed by ufw), iptables-legacy filter INPUT: policy drop");
    }

    @Test
    void leavesLegacyIptablesAloneWhenNoLegacyTableIsLoaded() {
        FakeProbe probe = FakeProbe.linux().command(NFT, 0, nft("empty")).file("/proc/net/ip_tables_names", "");

        assertThat(run(probe).status()).isEqualTo(Status.FAIL);
        assertThat(probe.ran()).containsExactly(NFT);
    }

    @Test
    void reportsUnknownRequiringRootWhenNftIsNotPermitted() {
        Outcome o = run(FakeProbe.linux().elevated(false)
                .command(NFT, 1, "", Fixtures.output("linux/nft-list-ruleset/not-root-stderr.txt")));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("requires root: `nft -j list ruleset` exited 1: Operation not permitted");
    }

    @Test
    void reportsUnknownNamingTheCapabilityWhenRootIsNotPermitted() {
        Outcome o = run(FakeProbe.linux().command(NFT, 1, "", Fixtures.output("linux/nft-list-ruleset/not-root-stderr.txt")));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("even as root").contains("CAP_NET_ADMIN");
    }

    @Test
    void reportsUnknownWhenNftTimesOut() {
        Outcome o = run(FakeProbe.linux().timedOut(NFT, Duration.ofSeconds(5)));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).isEqualTo("`nft -j list ruleset` timed out after 5 s");
    }

    @Test
    void reportsUnknownWhenNftOutputIsGarbled() {
        Outcome o = run(FakeProbe.linux().command(NFT, 0, nft("garbled-text-format")));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("unrecognised output from `nft -j list ruleset`: expected JSON");
    }

    @Test
    void fallsBackToIptablesWhenNftIsMissing() {
        FakeProbe probe = FakeProbe.linux().command(IPTABLES, 0, ipt("rhel-catchall-reject"))
                .command(IP6TABLES, 0, "-P INPUT ACCEPT\n")
                .file("/proc/net/if_inet6", Fixtures.output("linux/if_inet6/loopback-only.txt"));

        Outcome o = run(probe);

        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).contains("dropped by iptables, iptables filter INPUT: a final catch-all reject rule after policy accept");
        assertThat(o.facts()).containsEntry("mechanism", "iptables").containsEntry("ipv6_input", "not filtered");
        assertThat(probe.ran()).containsExactly(NFT, IPTABLES, IP6TABLES);
    }

    @Test
    void reportsUnknownRequiringRootWhenIptablesIsNotPermitted() {
        Outcome o = run(FakeProbe.linux().elevated(false)
                .command(IPTABLES, 4, "", Fixtures.output("linux/iptables-s-input/not-root-legacy-stderr.txt")));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).startsWith("requires root: `iptables -S INPUT` exited 4: Fatal: can't open lock file");
    }

    @Test
    void reportsFailWhenIptablesPolicyAccepts() {
        Outcome o = run(FakeProbe.linux().command(IPTABLES, 0, ipt("accept-no-rules")));

        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).contains("iptables filter INPUT: policy accept");
    }

    @Test
    void reportsPassWhenOnlyFirewalldAnswers() {
        Outcome o = run(FakeProbe.linux().command(LinuxFirewallCheck.FIREWALLD_STATE.argv(), 0,
                Fixtures.output("linux/firewall-cmd-state/running.txt")));

        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.facts()).containsEntry("mechanism", "firewalld");
    }

    @Test
    void reportsFailWhenNoFirewallToolIsInstalled() {
        FakeProbe probe = FakeProbe.linux().file("/proc/net/ip_tables_names", "");

        Outcome o = run(probe);

        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).startsWith("No firewall is installed");
        assertThat(o.facts()).containsEntry("mechanism", "none").doesNotContainKey("caveat");
        assertThat(probe.ran()).containsExactly(NFT, IPTABLES, LinuxFirewallCheck.FIREWALLD_STATE.argv());
    }

    @Test
    void mentionsLoadedLegacyTablesWhenNoToolCanListThem() {
        Outcome o = run(FakeProbe.linux().file("/proc/net/ip_tables_names", "filter\n"));

        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.facts()).containsEntry("kernel_legacy_iptables_tables", List.of("filter")).containsKey("caveat");
    }

    @Test
    void reportsUnknownWhenNftFailsOtherwiseAndIptablesIsMissing() {
        Outcome o = run(FakeProbe.linux().command(NFT, 1, "", "Error: JSON support not compiled-in\n"));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("JSON support not compiled-in");
    }

    // --- under --root: the firewall configured to start at boot

    @Test
    void reportsConfiguredPassForAnEnabledUfwUnderRoot() {
        FakeProbe probe = FakeProbe.linux().live(false)
                .file("/etc/ufw/ufw.conf", "# /etc/ufw/ufw.conf\nENABLED=yes\nLOGLEVEL=low\n")
                .file("/etc/default/ufw", "IPV6=yes\nDEFAULT_INPUT_POLICY=\"DROP\"\n")
                .listing("/etc/systemd/system/multi-user.target.wants", "cron.service", "ufw.service");

        Outcome o = run(probe);

        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).startsWith("Configured (not verified on a running system): ufw is enabled");
        assertThat(o.facts()).containsEntry("state", "configured").containsEntry("mechanism", "ufw");
        assertThat(probe.ran()).isEmpty();
    }

    /** Regression: ufw.conf said ENABLED=yes after `systemctl disable ufw`, and the image passed although ufw never starts. */
    @Test
    void reportsFailForUfwWhoseUnitIsNotEnabledUnderRoot() {
        FakeProbe probe = FakeProbe.linux().live(false)
                .file("/etc/ufw/ufw.conf", "ENABLED=yes\n")
                .file("/etc/default/ufw", "DEFAULT_INPUT_POLICY=\"DROP\"\n")
                .listing("/etc/systemd/system/multi-user.target.wants", "cron.service");

        Outcome o = run(probe);

        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.facts().get("boot_configuration")).asString().contains("ufw.service is not enabled at boot");
    }

    @Test
    void reportsFailForADisabledUfwUnderRoot() {
        Outcome o = run(FakeProbe.linux().live(false).file("/etc/ufw/ufw.conf", "ENABLED=no\n"));

        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.facts()).extractingByKey("boot_configuration").asList().contains("ufw: installed but ENABLED=no");
    }

    @Test
    void reportsConfiguredPassForIptablesRestoredAtBootUnderRoot() {
        Outcome o = run(FakeProbe.linux().live(false)
                .listing("/etc/systemd/system/multi-user.target.wants", "netfilter-persistent.service", "ssh.service")
                .file("/etc/iptables/rules.v4", Fixtures.output("linux/iptables-save/ufw-policy-drop.txt")));

        assertThat(o.status()).isEqualTo(Status.PASS);
        assertThat(o.detail()).contains("netfilter-persistent.service");
    }

    @Test
    void reportsConfiguredPassForFirewalldUnlessItsZoneIsTrusted() {
        FakeProbe enabled = FakeProbe.linux().live(false).listing("/etc/systemd/system/multi-user.target.wants", "firewalld.service");
        assertThat(run(enabled).status()).isEqualTo(Status.PASS);

        FakeProbe trusted = FakeProbe.linux().live(false).listing("/etc/systemd/system/multi-user.target.wants", "firewalld.service")
                .file("/etc/firewalld/firewalld.conf", "DefaultZone=trusted\n");
        assertThat(run(trusted).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void reportsUnknownWhenOnlyNftablesServiceIsEnabledUnderRoot() {
        Outcome o = run(FakeProbe.linux().live(false).listing("/etc/systemd/system/sysinit.target.wants", "nftables.service"));

        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.detail()).contains("nftables.service is enabled at boot");
    }

    @Test
    void reportsFailWhenNothingIsConfiguredAtBootUnderRoot() {
        Outcome o = run(FakeProbe.linux().live(false));

        assertThat(o.status()).isEqualTo(Status.FAIL);
        assertThat(o.detail()).startsWith("No firewall is configured to start at boot");
        assertThat(o.facts()).containsEntry("state", "configured");
    }

    @Test
    void factsAreJsonValuesOnly() {
        Outcome o = run(FakeProbe.linux().command(NFT, 0, nft("firewalld-catchall-reject")));

        assertThat(o.facts().values()).allSatisfy(v -> assertThat(v).isInstanceOfAny(String.class, Number.class, Boolean.class, List.class, Map.class));
    }
}
