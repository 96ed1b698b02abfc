package dev.vigil.core.report;

import java.util.Objects;

/** The operating system: family, human name (e.g. "Debian GNU/Linux 12 (bookworm)") and version. */
public record OsInfo(OsFamily family, String name, String version) {
    public OsInfo {
        Objects.requireNonNull(family, "family");
        name = Objects.requireNonNullElse(name, "");
        version = Objects.requireNonNullElse(version, "");
    }
}
