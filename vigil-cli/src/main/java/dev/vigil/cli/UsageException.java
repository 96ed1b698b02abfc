package dev.vigil.cli;

/** A mistake in what the user asked for, found after parsing; exit code 2 with the message. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
