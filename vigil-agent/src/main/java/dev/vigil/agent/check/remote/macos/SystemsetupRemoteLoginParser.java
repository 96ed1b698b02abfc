package dev.vigil.agent.check.remote.macos;

import dev.vigil.agent.check.ParseException;

/**
 * Reads {@code systemsetup -getremotelogin}: {@code Remote Login: On} or {@code Remote Login: Off}. Without
 * administrator rights it prints {@code You need administrator access to run this tool... exiting!} on stdout and
 * still exits 0, so that text is an answer of its own. Anything else is unusable.
 */
final class SystemsetupRemoteLoginParser {

    /** What systemsetup said. */
    enum Answer {
        ON, OFF, NEEDS_ADMINISTRATOR
    }

    private SystemsetupRemoteLoginParser() {
    }

    static Answer parse(String text) throws ParseException {
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.equalsIgnoreCase("Remote Login: On")) {
                return Answer.ON;
            }
            if (line.equalsIgnoreCase("Remote Login: Off")) {
                return Answer.OFF;
            }
            if (line.startsWith("You need administrator access")) {
                return Answer.NEEDS_ADMINISTRATOR;
            }
        }
        String first = text.strip().lines().findFirst().orElse("");
        throw new ParseException("expected `Remote Login: On` or `Remote Login: Off`, got "
                + (first.isEmpty() ? "empty output" : "'" + (first.length() > 80 ? first.substring(0, 80) + "…" : first) + "'"));
    }
}
