package dev.vigil.cli;

/** A mistake in what the user asked for, found after parsing; exit code 2 with the message. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
