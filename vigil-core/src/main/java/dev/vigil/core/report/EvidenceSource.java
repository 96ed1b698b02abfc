package dev.vigil.core.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a piece of evidence came from. Serialized in lowercase. */
public enum EvidenceSource {
    COMMAND, FILE, REGISTRY, SOCKET, API;

    private final String id;

    EvidenceSource() {
        this.id = name().toLowerCase(Locale.ROOT); // once: of() compares with it for every value it parses
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static EvidenceSource of(String text) {
        for (EvidenceSource s : values()) {
            if (s.id().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown evidence source '" + text + "'");
    }
}
