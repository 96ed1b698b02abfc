package dev.vigil.agent.check.firewall.linux;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.HostProbe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code firewall.enabled} for a mounted file system ({@code --root}): no rules are loaded there, so this
 * reads which firewall is configured to start at boot and says "configured" rather than "running".
 * Sources: ufw ({@code ENABLED=yes} in {@code /etc/ufw/ufw.conf} and its default input policy),
 * firewalld (enabled unit; a default zone other than {@code trusted}), iptables rules restored at boot
 * ({@code netfilter-persistent} with {@code /etc/iptables/rules.v4}, or {@code iptables.service} with
 * {@code /etc/sysconfig/iptables}). An enabled {@code nftables.service} cannot be judged without nft, so
 * on its own it gives UNKNOWN.
 */
final class BootFirewall {

    /** Where systemd records enabled units: ufw, firewalld and netfilter-persistent under multi-user, nftables under sysinit. */
    static final List<String> WANTS = List.of("/etc/systemd/system/multi-user.target.wants", "/etc/systemd/system/sysinit.target.wants");

    private BootFirewall() {
    }

    static Outcome assess(HostProbe probe) {
        List<String> enabled = WANTS.stream().flatMap(d -> probe.listDirectory(d).stream()).toList();
        List<String> findings = new ArrayList<>();
        Optional<String> enforcing = ufw(probe, enabled, findings)
                .or(() -> firewalld(probe, enabled, findings))
                .or(() -> restoredIptables(probe, enabled, "netfilter-persistent.service", "/etc/iptables/rules.v4", findings))
                .or(() -> restoredIptables(probe, enabled, "iptables.service", "/etc/sysconfig/iptables", findings));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("state", "configured");
        facts.put("boot_configuration", findings);
        if (enforcing.isPresent()) {
            facts.put("mechanism", enforcing.get().split(" ", 2)[0]);
            return Outcome.pass("Configured (not verified on a running system): " + enforcing.get() + ".", facts);
        }
        if (enabled.contains("nftables.service")) {
            return Outcome.unknown("nftables.service is enabled at boot, but its ruleset can only be judged by nft on a running system"
                    + " (auditing a mounted file system)", facts);
        }
        facts.put("mechanism", "none");
        return Outcome.fail("No firewall is configured to start at boot (checked ufw, firewalld, nftables.service, "
                + "netfilter-persistent and iptables.service).", facts);
    }

    private static Optional<String> ufw(HostProbe probe, List<String> enabled, List<String> findings) {
        if (!(probe.readFile("/etc/ufw/ufw.conf") instanceof FileResult.Content ufwConf)) {
            findings.add("ufw: not installed (/etc/ufw/ufw.conf absent or unreadable)");
            return Optional.empty();
        }
        Map<String, String> conf = ShellAssignmentsParser.parse(ufwConf.text());
        if (!"yes".equalsIgnoreCase(conf.getOrDefault("ENABLED", "no"))) {
            findings.add("ufw: installed but ENABLED=" + conf.getOrDefault("ENABLED", "(unset)"));
            return Optional.empty();
        }
        if (!enabled.contains("ufw.service") && probe.listDirectory("/etc/rcS.d").stream().noneMatch(n -> n.matches("S\\d\\dufw"))) {
            // ufw.conf alone does nothing: the unit (or the SysV script) loads the rules at boot
            findings.add("ufw: ENABLED=yes but ufw.service is not enabled at boot");
            return Optional.empty();
        }
        String input = assignments(probe, "/etc/default/ufw").getOrDefault("DEFAULT_INPUT_POLICY", "DROP").toUpperCase(Locale.ROOT);
        findings.add("ufw: ENABLED=yes, DEFAULT_INPUT_POLICY=" + input);
        return input.equals("DROP") || input.equals("REJECT")
                ? Optional.of("ufw is enabled with default input policy " + input)
                : Optional.empty();
    }

    private static Optional<String> firewalld(HostProbe probe, List<String> enabled, List<String> findings) {
        if (!enabled.contains("firewalld.service")) {
            return Optional.empty();
        }
        String zone = assignments(probe, "/etc/firewalld/firewalld.conf").getOrDefault("DefaultZone", "public");
        findings.add("firewalld: enabled at boot, default zone " + zone);
        return zone.equals("trusted") ? Optional.empty() : Optional.of("firewalld is enabled at boot with default zone " + zone);
    }

    private static Optional<String> restoredIptables(HostProbe probe, List<String> enabled, String unit, String rules, List<String> findings) {
        if (!enabled.contains(unit)) {
            return Optional.empty();
        }
        if (!(probe.readFile(rules) instanceof FileResult.Content c)) {
            findings.add(unit + ": enabled, but " + rules + " is absent or unreadable");
            return Optional.empty();
        }
        try {
            InputChain input = IptablesParser.parse(c.text(), "iptables", IpVersion.IPV4).input().getFirst();
            findings.add(unit + ": enabled, " + rules + " INPUT " + input.basis());
            return input.drops() ? Optional.of("iptables rules restored at boot by " + unit + " drop inbound traffic (" + input.basis() + ")")
                    : Optional.empty();
        } catch (ParseException e) {
            findings.add(unit + ": enabled, but " + rules + " is not iptables-save format: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Map<String, String> assignments(HostProbe probe, String path) {
        return probe.readFile(path) instanceof FileResult.Content c ? ShellAssignmentsParser.parse(c.text()) : Map.of();
    }
}
