package dev.vigil.agent.check.remote.macos;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.check.remote.macos.LaunchctlPrintParser.LoadedService;
import dev.vigil.agent.check.remote.macos.LaunchdOverridesParser.Override;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.HostProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The launchd state of a system service that a Sharing setting turns on: whether it is loaded in the system domain
 * now ({@code launchctl print system/<label>}; launchd then listens on the service's port and starts it on demand)
 * and what override the setting wrote ({@code launchctl print-disabled system}). Both work without root. On macOS 13
 * and later the Sharing settings submit the service through smd and may leave no override, so "loaded" is the
 * authority for "on now"; an {@code enabled} override alone also counts as on, since launchd loads the service at
 * the next boot.
 */
final class LaunchdService {

    static final Command PRINT_DISABLED = Command.of("/bin/launchctl", "print-disabled", "system");

    private LaunchdService() {
    }

    static Command print(String label) {
        return Command.of("/bin/launchctl", "print", "system/" + label);
    }

    /** Whether the service is loaded now. */
    sealed interface Loaded {
        record Yes(LoadedService service) implements Loaded {
        }

        record No() implements Loaded {
        }

        record Unknown(String reason) implements Loaded {
        }
    }

    /** The override for the service. */
    sealed interface OverrideState {
        record Set(Override value) implements OverrideState {
        }

        /** No override: the service's plist decides (off for the Sharing services). */
        record None() implements OverrideState {
        }

        record Unknown(String reason) implements OverrideState {
        }
    }

    /** Both answers for one label. */
    record State(String label, Loaded loaded, OverrideState override) {

        State {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(loaded, "loaded");
            Objects.requireNonNull(override, "override");
        }

        /** Loaded now, or enabled to load at boot. */
        boolean on() {
            return loaded instanceof Loaded.Yes || override instanceof OverrideState.Set(Override o) && o == Override.ENABLED;
        }

        /** Known to be off: not loaded, and no override that enables it. */
        boolean off() {
            return !on() && loaded instanceof Loaded.No;
        }

        /** What is known, for the facts, under keys starting with {@code prefix}. */
        void addFacts(String prefix, Map<String, Object> facts) {
            switch (loaded) {
                case Loaded.Yes(LoadedService s) -> {
                    facts.put(prefix + "_loaded", true);
                    s.state().ifPresent(v -> facts.put(prefix + "_launchd_state", v));
                    s.program().ifPresent(v -> facts.put(prefix + "_program", v));
                }
                case Loaded.No n -> facts.put(prefix + "_loaded", false);
                case Loaded.Unknown u -> facts.put(prefix + "_loaded", "unknown: " + u.reason());
            }
            facts.put(prefix + "_override", switch (override) {
                case OverrideState.Set(Override o) -> o == Override.ENABLED ? "enabled" : "disabled";
                case OverrideState.None n -> "none";
                case OverrideState.Unknown u -> "unknown: " + u.reason();
            });
        }

        /** Why it is not known to be on or off, for an UNKNOWN reason. */
        String undecided() {
            List<String> why = new ArrayList<>();
            if (loaded instanceof Loaded.Unknown(String r)) {
                why.add(r);
            }
            if (override instanceof OverrideState.Unknown(String r)) {
                why.add(r);
            }
            return String.join("; ", why);
        }
    }

    static State query(HostProbe probe, String label) {
        return new State(label, loaded(probe, label), override(probe, label));
    }

    private static Loaded loaded(HostProbe probe, String label) {
        Command print = print(label);
        return switch (probe.run(print)) {
            case CommandResult.Completed c when c.ok() -> {
                try {
                    yield new Loaded.Yes(LaunchctlPrintParser.parse(c.stdout(), label));
                } catch (ParseException e) {
                    yield new Loaded.Unknown("unrecognised output from `" + print.display() + "`: " + e.getMessage());
                }
            }
            case CommandResult.Completed c when c.exitCode() == 113 || (c.stdout() + c.stderr()).contains("Could not find service") ->
                    new Loaded.No();
            case CommandResult other -> new Loaded.Unknown(other.describe());
        };
    }

    private static OverrideState override(HostProbe probe, String label) {
        return switch (probe.run(PRINT_DISABLED)) {
            case CommandResult.Completed c when c.ok() -> {
                try {
                    Override o = LaunchdOverridesParser.parse(c.stdout()).get(label);
                    yield o == null ? new OverrideState.None() : new OverrideState.Set(o);
                } catch (ParseException e) {
                    yield new OverrideState.Unknown("unrecognised output from `" + PRINT_DISABLED.display() + "`: " + e.getMessage());
                }
            }
            case CommandResult other -> new OverrideState.Unknown(other.describe());
        };
    }
}
