package dev.vigil.core.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a piece of evidence came from. Serialized in lowercase. */
public enum EvidenceSource {
    COMMAND, FILE, REGISTRY, SOCKET, API;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
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
