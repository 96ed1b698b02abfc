package dev.vigil.server.view;

import java.util.Locale;

/**
 * Whether text views use ANSI colours: on by default, since text goes to terminal clients; off for
 * {@code ?color=never} or whenever the caller knows the bytes go somewhere else (the NO_COLOR convention).
 */
public enum ColorMode {
    /** SGR escape sequences around statuses and headings. */
    ALWAYS,
    /** Plain text: not one ESC character. */
    NEVER;

    /** Parses {@code always} or {@code never} (case-insensitive); throws IllegalArgumentException naming them. */
    public static ColorMode of(String text) {
        for (ColorMode m : values()) {
            if (m.name().equalsIgnoreCase(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown color '" + text + "', expected " + ALWAYS.name().toLowerCase(Locale.ROOT)
                + " or " + NEVER.name().toLowerCase(Locale.ROOT));
    }
}
