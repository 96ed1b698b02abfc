package dev.vigil.agent.check.patch.windows;

import java.time.Instant;
import java.util.Objects;

/** An installed update as {@code Get-HotFix} lists it, with the day it was installed. */
record HotFix(String id, String description, Instant installedOn) {
    HotFix {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(installedOn, "installedOn");
    }
}
