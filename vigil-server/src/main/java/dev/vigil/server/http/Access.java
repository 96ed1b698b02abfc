package dev.vigil.server.http;

/** Who may call an endpoint. */
enum Access {
    /** Anyone: health, readiness, the schema. */
    PUBLIC,
    /** A token with {@code fleet:read} (or admin), unless the server runs with public read. */
    READ,
    /** A token with {@code report:write} (or admin). */
    WRITE
}
