package dev.vigil.cli;

import dev.vigil.core.report.OsFamily;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where {@code vigil agent} keeps its outbox without {@code --outbox}: the system's state folder for a service
 * running as root, the user's own state folder otherwise.
 */
final class DefaultOutbox {

    private DefaultOutbox() {
    }

    static Path of(OsFamily family, boolean elevated, Map<String, String> env, Path home) {
        return switch (family) {
            case WINDOWS -> Path.of(nonBlank(env.get("LOCALAPPDATA"), home.resolve("AppData").resolve("Local").toString()), "Vigil", "outbox");
            case MACOS -> (elevated ? Path.of("/Library") : home.resolve("Library")).resolve("Application Support").resolve("Vigil").resolve("outbox");
            default -> elevated ? Path.of("/var/lib/vigil/outbox")
                    : Path.of(nonBlank(env.get("XDG_STATE_HOME"), home.resolve(".local").resolve("state").toString()), "vigil", "outbox");
        };
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
