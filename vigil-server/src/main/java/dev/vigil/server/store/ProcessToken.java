package dev.vigil.server.store;

import java.util.Objects;

/**
 * A token that authenticates in this process only, until {@link #close}: never stored, never listed, gone with the
 * process. {@link #toString()} masks it, like {@link NewToken}.
 */
public final class ProcessToken implements AutoCloseable {

    private final String token;
    private final Runnable remove;

    ProcessToken(String token, Runnable remove) {
        this.token = Objects.requireNonNull(token, "token");
        this.remove = Objects.requireNonNull(remove, "remove");
    }

    /** The plaintext, to send as {@code Authorization: Bearer}. */
    public String token() {
        return token;
    }

    /** The token stops authenticating. Idempotent. */
    @Override
    public void close() {
        remove.run();
    }

    @Override
    public String toString() {
        return "ProcessToken[****" + TokenSecrets.last4(token) + "]";
    }
}
