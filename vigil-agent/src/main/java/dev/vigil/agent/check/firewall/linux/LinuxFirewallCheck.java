package dev.vigil.agent.check.firewall.linux;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.PlatformCheck;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.FileResult;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.report.OsFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code firewall.enabled} on Linux: does netfilter drop inbound traffic that no rule allows?
 *
 * <p>Order, fastest definitive source first: {@code nft -j list ruleset} shows nftables, iptables-nft,
 * ufw and firewalld rules in one call; legacy iptables tables are invisible to it, so when nft finds
 * nothing that drops and {@code /proc/net/ip_tables_names} lists a legacy filter table, iptables-legacy
 * is asked too. Without nft, {@code iptables -S INPUT}; without either, {@code firewall-cmd --state}
 * (firewalld can drive nftables through its library without the nft program). With none of them
 * installed nothing on the host manages a packet filter: FAIL, saying so. Not permitted (not root) is
 * UNKNOWN. Under {@code --root} the firewall configured to start at boot is assessed instead.
 */
public final class LinuxFirewallCheck extends PlatformCheck {

    static final Command NFT = Command.of("nft", "-j", "list", "ruleset");
    static final Command IPTABLES = Command.of("iptables", "-S", "INPUT");
    static final Command IP6TABLES = Command.of("ip6tables", "-S", "INPUT");
    static final Command IPTABLES_LEGACY = Command.of("iptables-legacy", "-S", "INPUT");
    static final Command IP6TABLES_LEGACY = Command.of("ip6tables-legacy", "-S", "INPUT");
    static final Command FIREWALLD_STATE = Command.of("firewall-cmd", "--state");

    public LinuxFirewallCheck() {
        super("firewall.enabled", OsFamily.LINUX);
    }

    @Override
    public Outcome run(HostProbe probe, Policy policy) {
        if (!probe.live()) {
            return BootFirewall.assess(probe);
        }
        List<Ruleset> found = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<CommandResult> failures = new ArrayList<>();

        Optional<Outcome> stop = collect(probe, NFT, IpVersion.IPV4, found, notes, failures);
        if (stop.isPresent()) {
            return stop.get();
        }
        if (found.isEmpty()) {
            stop = collect(probe, IPTABLES, IpVersion.IPV4, found, notes, failures);
            if (stop.isPresent()) {
                return stop.get();
            }
            if (!found.isEmpty() && found.getFirst().input().stream().anyMatch(InputChain::drops)) {
                collect(probe, IP6TABLES, IpVersion.IPV6, found, notes, new ArrayList<>()).ifPresent(o -> notes.add(o.detail()));
            }
        }
        if (found.isEmpty()) {
            return withoutRules(probe, notes, failures);
        }
        addLegacyTables(probe, found, notes);
        return FirewallAssessment.evaluate(found, ipv6InterfacesIfNeeded(probe, found), notes);
    }

    /** Runs one tool; adds its ruleset, or notes why not; a result that ends the check comes back. */
    private static Optional<Outcome> collect(HostProbe probe, Command cmd, IpVersion version,
            List<Ruleset> found, List<String> notes, List<CommandResult> failures) {
        CommandResult r = probe.run(cmd);
        switch (r) {
            case CommandResult.Completed c when c.ok() -> {
                try {
                    found.add(cmd == NFT ? NftRulesetParser.parse(c.stdout())
                            : IptablesParser.parse(c.stdout(), mechanism(cmd), version));
                } catch (ParseException e) {
                    return Optional.of(Outcome.unknown("unrecognised output from `" + cmd.display() + "`: " + e.getMessage()));
                }
            }
            case CommandResult.Completed c when notPermitted(c) -> {
                return Optional.of(probe.elevated()
                        ? Outcome.unknown(c.describe() + " even as root (the process lacks CAP_NET_ADMIN, e.g. in an unprivileged container)")
                        : Outcome.unknown("requires root: " + c.describe()));
            }
            case CommandResult.Completed c -> {
                notes.add(c.describe());
                failures.add(c);
            }
            case CommandResult.NotFound n -> notes.add(n.describe());
            case CommandResult.TimedOut t -> {
                return Optional.of(Outcome.unknown(t.describe()));
            }
            case CommandResult.Unavailable u -> {
                return Optional.of(Outcome.unknown(u.describe()));
            }
        }
        return Optional.empty();
    }

    private static String mechanism(Command cmd) {
        return cmd.program().endsWith("-legacy") ? "iptables-legacy" : "iptables";
    }

    private static boolean notPermitted(CommandResult.Completed c) {
        String err = c.stderr() + c.stdout();
        return err.contains("Operation not permitted") || err.contains("Permission denied") || err.contains("you must be root");
    }

    /** Neither nft nor iptables listed rules: firewalld may still run without them; otherwise nothing manages a filter. */
    private static Outcome withoutRules(HostProbe probe, List<String> notes, List<CommandResult> failures) {
        CommandResult fw = probe.run(FIREWALLD_STATE);
        if (fw instanceof CommandResult.Completed c && c.stdout().strip().equals("running")) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("state", "running");
            facts.put("mechanism", "firewalld");
            facts.put("notes", notes);
            return Outcome.pass("firewalld is running (its rules could not be listed: nft and iptables gave none).", facts);
        }
        if (!failures.isEmpty()) {
            return Outcome.unknown("no firewall tool listed the rules: " + String.join("; ", notes));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("state", "running");
        facts.put("mechanism", "none");
        notes.add(fw.describe());
        facts.put("notes", notes);
        switch (probe.readFile("/proc/net/ip_tables_names")) {
            case FileResult.Content c when !c.text().isBlank() -> {
                facts.put("kernel_legacy_iptables_tables", c.text().strip().lines().toList());
                facts.put("caveat", "the kernel holds legacy iptables tables, but no tool is installed to list their rules");
            }
            default -> {
            }
        }
        return Outcome.fail("No firewall is installed: nft, iptables and firewall-cmd are all missing, so nothing on this host manages a packet filter.", facts);
    }

    /** Legacy iptables tables are invisible to nft; ask iptables-legacy when the kernel holds one and nothing else drops. */
    private static void addLegacyTables(HostProbe probe, List<Ruleset> found, List<String> notes) {
        for (IpVersion v : IpVersion.values()) {
            boolean dropped = found.stream().flatMap(r -> r.input().stream()).anyMatch(c -> c.versions().contains(v) && c.drops());
            if (dropped || found.stream().anyMatch(r -> r.mechanism().equals("iptables") || r.mechanism().equals("iptables-legacy"))) {
                continue;
            }
            String names = v == IpVersion.IPV4 ? "/proc/net/ip_tables_names" : "/proc/net/ip6_tables_names";
            if (probe.readFile(names) instanceof FileResult.Content c && c.text().lines().anyMatch(l -> l.strip().equals("filter"))) {
                collect(probe, v == IpVersion.IPV4 ? IPTABLES_LEGACY : IP6TABLES_LEGACY, v, found, notes, new ArrayList<>())
                        .ifPresent(o -> notes.add(o.detail()));
            }
        }
    }

    /** Whether IPv6 matters only needs asking when IPv4 is filtered and IPv6 is not. */
    private static Optional<List<String>> ipv6InterfacesIfNeeded(HostProbe probe, List<Ruleset> found) {
        List<InputChain> chains = found.stream().flatMap(r -> r.input().stream()).toList();
        boolean v4 = chains.stream().anyMatch(c -> c.versions().contains(IpVersion.IPV4) && c.drops());
        boolean v6 = chains.stream().anyMatch(c -> c.versions().contains(IpVersion.IPV6) && c.drops());
        if (!v4 || v6) {
            return Optional.empty();
        }
        return switch (probe.readFile("/proc/net/if_inet6")) {
            case FileResult.Content c -> Optional.of(IfInet6Parser.nonLoopbackInterfaces(c.text()));
            case FileResult.Missing m -> Optional.of(List.of());
            case FileResult.Denied d -> Optional.empty();
            case FileResult.Unreadable u -> Optional.empty();
        };
    }
}
