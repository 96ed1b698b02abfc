package dev.vigil.agent.check.integrity.macos;

import java.util.List;
import java.util.Objects;

/** What {@code csrutil status} says: the overall state and the protections a custom configuration turns off. */
record SipStatus(State state, List<String> disabled) {

    SipStatus {
        Objects.requireNonNull(state, "state");
        disabled = List.copyOf(disabled);
    }

    enum State {
        /** Every protection on. */
        ENABLED,
        /** Turned off with {@code csrutil disable}. */
        DISABLED,
        /** Some protections off: "enabled (Custom Configuration)" before macOS 11, "unknown (Custom Configuration)" since. */
        CUSTOM
    }
}
