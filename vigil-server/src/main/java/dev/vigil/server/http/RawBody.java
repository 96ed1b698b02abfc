package dev.vigil.server.http;

import java.util.Objects;

/** A body that is already bytes in its own media type (a stored report, the schema): sent as it is. */
record RawBody(byte[] bytes, String contentType) {
    RawBody {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(contentType, "content_type");
    }
}
