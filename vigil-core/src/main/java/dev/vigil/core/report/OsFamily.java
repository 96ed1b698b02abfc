package dev.vigil.core.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The operating system families Vigil audits. Serialized in lowercase. */
public enum OsFamily {
    LINUX, MACOS, WINDOWS;

    private final String id;

    OsFamily() {
        this.id = name().toLowerCase(Locale.ROOT); // once: of() compares with it for every value it parses
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static OsFamily of(String text) {
        for (OsFamily f : values()) {
            if (f.id().equalsIgnoreCase(text)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown os family '" + text + "', expected linux, macos or windows");
    }

    /** The family of the running JVM's operating system, from {@code os.name}. */
    public static OsFamily current() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        if (name.startsWith("mac")) {
            return MACOS;
        }
        return LINUX;
    }
}
