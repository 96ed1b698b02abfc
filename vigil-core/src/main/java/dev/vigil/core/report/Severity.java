package dev.vigil.core.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much a failed control matters, from critical down to info. Serialized in lowercase. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    private final String id;

    Severity() {
        this.id = name().toLowerCase(Locale.ROOT); // once: of() compares with it for every value it parses
    }

    /** The contract's spelling: lowercase. */
    @JsonValue
    public String id() {
        return id;
    }

    /** Parses the contract's spelling (case-insensitive); throws IllegalArgumentException naming the value. */
    @JsonCreator
    public static Severity of(String text) {
        for (Severity s : values()) {
            if (s.id().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "', expected one of critical, high, medium, low, info");
    }

    /** Whether this severity is at least as grave as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
