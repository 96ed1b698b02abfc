package dev.vigil.agent.check.windows;

/** Some output, shortened, to quote in a message. */
public final class Excerpt {

    private static final int MAX = 80;

    private Excerpt() {
    }

    /** The first non-blank line, at most 80 characters, in quotes; {@code (empty)} for blank text. */
    public static String of(String text) {
        String first = text.strip().lines().findFirst().orElse("").strip();
        if (first.isEmpty()) {
            return "(empty)";
        }
        return "'" + (first.length() > MAX ? first.substring(0, MAX) + "…" : first) + "'";
    }

    /** All of the text on one line (line breaks folded to a space), at most 80 characters; {@code (empty)} for blank text. */
    public static String oneLine(String text) {
        String one = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return one.isEmpty() ? "(empty)" : one.length() <= MAX ? one : one.substring(0, MAX - 3) + "...";
    }
}
