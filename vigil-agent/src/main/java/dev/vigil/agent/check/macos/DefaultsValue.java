package dev.vigil.agent.check.macos;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.probe.CommandResult;
import java.util.Objects;

/**
 * One value read with {@code defaults read DOMAIN KEY}: the value as printed, or absent. {@code defaults}
 * prints a scalar value on one line and exits 0; for a key that is not set it exits 1 and says on standard
 * error {@code The domain/default pair of (DOMAIN, KEY) does not exist}, which means the macOS default applies.
 */
public sealed interface DefaultsValue {

    /** The key is set; {@code text} is the value as {@code defaults} printed it. */
    record Present(String text) implements DefaultsValue {
        public Present {
            Objects.requireNonNull(text, "text");
        }

        /** The value as a boolean (1/0, true/false, YES/NO). */
        public boolean bool(String key) throws ParseException {
            return Plists.boolText(text, key);
        }
    }

    /** The key (or the whole domain) is not set. */
    record Absent() implements DefaultsValue {
    }

    /** Parses what {@code defaults read DOMAIN KEY} gave: its exit code and both streams. */
    static DefaultsValue parse(int exitCode, String stdout, String stderr) throws ParseException {
        if (exitCode == 0) {
            String v = stdout.strip();
            if (v.isEmpty() || v.contains("\n")) {
                throw new ParseException("expected one value from `defaults read`, got: " + Plists.abbreviate(v));
            }
            return new Present(v);
        }
        if (stderr.contains("does not exist")) {
            return new Absent();
        }
        throw new ParseException("`defaults read` exited " + exitCode + " without saying the key does not exist: "
                + Plists.abbreviate(stderr.strip()));
    }

    /** Parses a completed {@code defaults read}. */
    static DefaultsValue of(CommandResult.Completed c) throws ParseException {
        return parse(c.exitCode(), c.stdout(), c.stderr());
    }
}
