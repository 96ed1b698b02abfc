package dev.vigil.server.http;

import java.util.Objects;

/** A document answered with a status other than 200 (e.g. 201 for a stored report); never cached. */
record Created(int status, Object document) {
    Created {
        Objects.requireNonNull(document, "document");
    }
}
