package dev.vigil.agent.check.accounts.windows;

import java.util.Objects;

/** A local account: its (possibly renamed or localised) name and whether it can log on. */
record LocalAccount(String name, boolean enabled) {
    LocalAccount {
        Objects.requireNonNull(name, "name");
    }
}
