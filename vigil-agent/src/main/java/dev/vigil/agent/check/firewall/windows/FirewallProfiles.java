package dev.vigil.agent.check.firewall.windows;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.HostProbe;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Gathers one per-profile setting for the firewall checks: {@code Get-NetFirewallProfile} first, a netsh query as
 * the fallback when the cmdlet is missing or fails. Both checks ask the same cmdlet query, so a probe that runs
 * identical commands once serves both.
 */
final class FirewallProfiles {

    /** The active store: what is in force, Group Policy included, rather than the local settings alone. */
    static final String SCRIPT = "Get-NetFirewallProfile -PolicyStore ActiveStore | Select-Object Name, Enabled, "
            + "DefaultInboundAction, DefaultOutboundAction | ConvertTo-Json";
    static final Command CMDLET = Command.powershell(SCRIPT);

    private FirewallProfiles() {
    }

    /** A setting per profile, or why none could be read. */
    sealed interface Gathered<T> {
        record Found<T>(Map<Profile, T> values, String source) implements Gathered<T> {
            public Found {
                values = java.util.Collections.unmodifiableMap(new EnumMap<>(values));
                Objects.requireNonNull(source, "source");
            }
        }

        record Failed<T>(String reason) implements Gathered<T> {
        }
    }

    /** How to turn one netsh value into the setting. */
    @FunctionalInterface
    interface NetshValue<T> {
        T read(Profile profile, String value) throws ParseException;
    }

    static <T> Gathered<T> gather(HostProbe probe, Function<ProfileSettings, T> fromCmdlet, Command netsh, String netshLabel,
            NetshValue<T> fromNetsh) {
        String cmdletProblem;
        switch (probe.run(CMDLET)) {
            case CommandResult.Completed c when c.ok() -> {
                try {
                    List<ProfileSettings> profiles = NetFirewallProfileParser.parse(c.stdout());
                    Map<Profile, T> values = new EnumMap<>(Profile.class);
                    profiles.forEach(p -> values.put(p.profile(), fromCmdlet.apply(p)));
                    return new Gathered.Found<>(values, NetFirewallProfileParser.WHAT);
                } catch (ParseException e) {
                    cmdletProblem = e.getMessage();
                }
            }
            case CommandResult r -> cmdletProblem = r.describe();
        }
        return switch (probe.run(netsh)) {
            case CommandResult.Completed c when c.ok() -> {
                try {
                    Map<Profile, T> values = new EnumMap<>(Profile.class);
                    for (Map.Entry<Profile, String> e : NetshProfilesParser.parse(c.stdout(), netshLabel).entrySet()) {
                        values.put(e.getKey(), fromNetsh.read(e.getKey(), e.getValue()));
                    }
                    yield new Gathered.Found<>(values, netsh.display());
                } catch (ParseException e) {
                    yield new Gathered.Failed<>(e.getMessage() + " (Get-NetFirewallProfile: " + cmdletProblem + ")");
                }
            }
            case CommandResult r -> new Gathered.Failed<>("cannot read the firewall profiles: " + cmdletProblem + "; " + r.describe());
        };
    }

    /** The profiles in Windows' order joined for a sentence: "Domain and Public", "Domain, Private and Public". */
    static String join(List<Profile> profiles) {
        List<String> names = profiles.stream().map(p -> p.label).toList();
        return names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }
}
