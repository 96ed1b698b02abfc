package dev.vigil.agent.probe;

/** A replay folder that cannot be used, with the file and the problem. */
public final class ReplayFolderException extends RuntimeException {
    public ReplayFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
