package dev.vigil.server.view;

import java.util.Locale;

/** The forms a GET resource is served in, as named by the {@code format} query parameter. */
public enum Representation {
    /** The API's JSON, for programs. */
    JSON("application/json"),
    /** An ANSI-coloured text table, for terminals. */
    TEXT("text/plain; charset=utf-8"),
    /** A server-rendered HTML page, for browsers. */
    HTML("text/html; charset=utf-8");

    private final String contentType;

    Representation(String contentType) {
        this.contentType = contentType;
    }

    /** The {@code format} parameter's spelling: lowercase. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Content-Type to send it with. */
    public String contentType() {
        return contentType;
    }

    /** Parses a {@code format} value (case-insensitive); throws IllegalArgumentException naming the allowed values. */
    public static Representation of(String format) {
        for (Representation r : values()) {
            if (r.id().equalsIgnoreCase(format)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown format '" + format + "', expected json, text or html");
    }
}
