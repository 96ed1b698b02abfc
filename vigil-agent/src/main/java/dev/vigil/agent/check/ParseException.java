package dev.vigil.agent.check;

/**
 * A parser's only failure: the input is unusable, and the message says what was expected.
 * Checks turn it into UNKNOWN with that message.
 */
public final class ParseException extends Exception {

    public ParseException(String message) {
        super(message);
    }

    public ParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
