package dev.vigil.agent.check.firewall.windows;

import java.util.Locale;

/** The three network profiles of Windows Defender Firewall, in the order Windows lists them. */
enum Profile {
    DOMAIN("Domain"), PRIVATE("Private"), PUBLIC("Public");

    final String label;

    Profile(String label) {
        this.label = label;
    }

    /** The key used in facts. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The profile Windows names {@code name} (any case), if any. */
    static java.util.Optional<Profile> named(String name) {
        for (Profile p : values()) {
            if (p.label.equalsIgnoreCase(name.strip())) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }
}
