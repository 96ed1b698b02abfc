package dev.vigil.agent.check.firewall.macos;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The application firewall settings that one or more {@code socketfilterfw --get…} outputs stated; a setting the
 * output did not mention is empty.
 *
 * @param enabled        the global state: on or off
 * @param stateNumber    the number in "(State = N)": 0 off, 1 on, 2 on and blocking all but essential services
 * @param blockAll       "block all incoming connections"
 * @param stealth        stealth mode (no answer to pings and to probes of closed ports)
 * @param allowBuiltIn   built-in signed software is allowed incoming connections automatically
 * @param allowDownloaded downloaded signed software is allowed incoming connections automatically
 * @param managedRefusal the output said the settings are managed (a configuration profile) and cannot be changed here
 */
record AlfSettings(
        Optional<Boolean> enabled,
        OptionalInt stateNumber,
        Optional<Boolean> blockAll,
        Optional<Boolean> stealth,
        Optional<Boolean> allowBuiltIn,
        Optional<Boolean> allowDownloaded,
        boolean managedRefusal) {

    AlfSettings {
        Objects.requireNonNull(enabled, "enabled");
        Objects.requireNonNull(stateNumber, "stateNumber");
        Objects.requireNonNull(blockAll, "blockAll");
        Objects.requireNonNull(stealth, "stealth");
        Objects.requireNonNull(allowBuiltIn, "allowBuiltIn");
        Objects.requireNonNull(allowDownloaded, "allowDownloaded");
    }
}
