package dev.vigil.server.store;

/** The store could not do what was asked; the message names the operation and the cause is chained. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
