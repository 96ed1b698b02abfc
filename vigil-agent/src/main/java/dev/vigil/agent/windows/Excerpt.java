package dev.vigil.agent.windows;

/** The first line of some output, shortened, to quote in a message. */
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
}
