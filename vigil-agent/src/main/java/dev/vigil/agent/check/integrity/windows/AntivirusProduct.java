package dev.vigil.agent.check.integrity.windows;

import java.util.Locale;
import java.util.Objects;

/**
 * An antivirus registered with Windows Security Center. {@code productState} is an undocumented bit field whose
 * meaning is widely agreed: bits 12-15 the scanner state (0 off, 1 on, 2 snoozed, 3 expired), bits 4-7 the
 * signature state (0 up to date, 1 out of date).
 */
record AntivirusProduct(String name, long productState) {

    AntivirusProduct {
        Objects.requireNonNull(name, "name");
    }

    boolean enabled() {
        return ((productState >> 12) & 0xF) == 1;
    }

    boolean upToDate() {
        return ((productState >> 4) & 0xF) == 0;
    }

    /** Microsoft's own antivirus, registered as "Windows Defender" (older and newer names both recognised). */
    boolean microsoftDefender() {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("windows defender") || n.contains("microsoft defender");
    }

    String state() {
        return switch ((int) ((productState >> 12) & 0xF)) {
            case 0 -> "off";
            case 1 -> "on";
            case 2 -> "snoozed";
            case 3 -> "expired";
            default -> "unknown";
        };
    }
}
