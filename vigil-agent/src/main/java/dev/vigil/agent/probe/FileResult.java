package dev.vigil.agent.probe;

import java.util.Objects;

/** What reading a file gave: its text, or why there is none. */
public sealed interface FileResult {

    /** The path as asked for (absolute, as on the audited system). */
    String path();

    /** The file's text: decoded as UTF-8 when it is valid UTF-8, otherwise as ISO-8859-1, one character per byte. */
    record Content(String path, String text) implements FileResult {
        public Content {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(text, "text");
        }
    }

    /** No such file. */
    record Missing(String path) implements FileResult {
    }

    /** The file exists but this user may not read it. */
    record Denied(String path) implements FileResult {
    }

    /** Reading failed for another reason (an I/O error, a directory, too large). */
    record Unreadable(String path, String reason) implements FileResult {
    }

    /** A short phrase for an UNKNOWN finding's reason when the file gave nothing usable. */
    default String describe() {
        return switch (this) {
            case Content c -> "read " + c.path();
            case Missing m -> m.path() + " does not exist";
            case Denied d -> "permission denied reading " + d.path();
            case Unreadable u -> "cannot read " + u.path() + ": " + u.reason();
        };
    }
}
