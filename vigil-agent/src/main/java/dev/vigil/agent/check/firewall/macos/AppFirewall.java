package dev.vigil.agent.check.firewall.macos;

import dev.vigil.agent.check.Outcome;
import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.HostProbe;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The gathering the three application firewall checks share: one {@code socketfilterfw} query per setting. */
final class AppFirewall {

    static final String SOCKETFILTERFW = "/usr/libexec/ApplicationFirewall/socketfilterfw";
    static final Command GLOBAL_STATE = Command.of(SOCKETFILTERFW, "--getglobalstate");
    static final Command STEALTH_MODE = Command.of(SOCKETFILTERFW, "--getstealthmode");
    static final Command BLOCK_ALL = Command.of(SOCKETFILTERFW, "--getblockall");
    /** Where a configuration profile (MDM) puts its firewall payload; its presence means the settings are managed. */
    static final String MANAGED_PROFILE = "/Library/Managed Preferences/com.apple.security.firewall.plist";

    private AppFirewall() {
    }

    /** What one query gave: the settings it stated, or why there are none. */
    sealed interface Answer {
        record Settings(AlfSettings settings) implements Answer {
            public Settings {
                Objects.requireNonNull(settings, "settings");
            }
        }

        record Unusable(String reason) implements Answer {
            public Unusable {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    static Answer query(HostProbe probe, Command query) {
        return switch (probe.run(query)) {
            case CommandResult.Completed c when c.ok() -> {
                try {
                    yield new Answer.Settings(SocketFilterFwParser.parse(c.stdout()));
                } catch (ParseException e) {
                    yield new Answer.Unusable("unrecognised output from `" + query.display() + "`: " + e.getMessage());
                }
            }
            case CommandResult other -> new Answer.Unusable(other.describe());
        };
    }

    /** Adds {@code managed_by_profile} when a configuration profile manages the firewall (a stat, no parsing). */
    static void addProfileFact(HostProbe probe, Map<String, Object> facts) {
        if (probe.stat(MANAGED_PROFILE).isPresent()) {
            facts.put("managed_by_profile", MANAGED_PROFILE);
        }
    }

    /** The reason for an output that was read but did not state the setting asked for. */
    static String silentAbout(Command query, String setting) {
        return "unrecognised output from `" + query.display() + "`: it does not state " + setting;
    }

    /** A setting that only works while the firewall is on: how to ask for it, read it and name it. */
    record Setting(Command query, Function<AlfSettings, Optional<Boolean>> read, String name, String factKey) {
    }

    static final Setting STEALTH = new Setting(STEALTH_MODE, AlfSettings::stealth, "stealth mode", "stealth_mode");
    static final Setting BLOCK_ALL_INCOMING = new Setting(BLOCK_ALL, AlfSettings::blockAll, "block all incoming connections", "block_all");

    /**
     * Judges a setting that only works while the firewall is on: unreadable is UNKNOWN, off is {@code ifOff}; on, the
     * global state is asked and {@code ifOn} decides from it (true: the firewall is on), or UNKNOWN when it cannot be read.
     */
    static Outcome judge(HostProbe probe, Setting setting, Function<Map<String, Object>, Outcome> ifOff,
            BiFunction<Boolean, Map<String, Object>, Outcome> ifOn) {
        Optional<Boolean> value;
        switch (query(probe, setting.query())) {
            case Answer.Unusable u -> {
                return Outcome.unknown(u.reason());
            }
            case Answer.Settings(AlfSettings s) -> value = setting.read().apply(s);
        }
        if (value.isEmpty()) {
            return Outcome.unknown(silentAbout(setting.query(), "whether " + setting.name() + " is on"));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(setting.factKey(), value.get() ? "on" : "off");
        addProfileFact(probe, facts);
        if (!value.get()) {
            return ifOff.apply(facts);
        }
        String unknown = setting.name() + " is set, but whether the firewall is on (without which it has no effect) is unknown: ";
        return switch (query(probe, GLOBAL_STATE)) {
            case Answer.Settings(AlfSettings s) when s.enabled().isPresent() -> {
                facts.put("firewall", s.enabled().get() ? "on" : "off");
                yield ifOn.apply(s.enabled().get(), facts);
            }
            case Answer.Settings s -> Outcome.unknown(unknown + silentAbout(GLOBAL_STATE, "the global state"), facts);
            case Answer.Unusable u -> Outcome.unknown(unknown + u.reason(), facts);
        };
    }
}
