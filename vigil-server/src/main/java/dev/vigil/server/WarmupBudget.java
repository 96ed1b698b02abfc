package dev.vigil.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long the kernel runs its warm-up before listening. {@code vigil serve}'s default gives way to the start-up
 * target (it ends by {@link #READY_TARGET_MILLIS} after the JVM started, so that a large fleet still starts in
 * time); a length asked for explicitly runs in full, as when the launcher trains the kernel's AOT cache, whose
 * method profiles are only as good as the run that made them.
 *
 * @param length            how long at most; zero for none
 * @param endsByReadyTarget whether it also ends by the start-up target
 */
public record WarmupBudget(Duration length, boolean endsByReadyTarget) {

    /** No warm-up: library users and tests start cold unless they ask. */
    public static final WarmupBudget NONE = new WarmupBudget(Duration.ZERO, false);

    /** The length of {@code vigil serve}'s default warm-up. */
    public static final int SERVE_DEFAULT_SECONDS = 2;

    /**
     * How soon after the JVM started the kernel means to listen (the goal is 3 s from the command, the launcher's own
     * time included); the default warm-up gives way to it. An int, so that {@code vigil serve --help} can quote it.
     */
    public static final int READY_TARGET_MILLIS = 2_500;

    /** {@link #READY_TARGET_MILLIS} as a duration. */
    public static final Duration READY_TARGET = Duration.ofMillis(READY_TARGET_MILLIS);

    public WarmupBudget {
        Objects.requireNonNull(length, "length");
        if (length.isNegative()) {
            throw new IllegalArgumentException("warm-up " + length + " is negative");
        }
    }

    /** {@code vigil serve}'s warm-up when none is asked for: {@value #SERVE_DEFAULT_SECONDS} s, by the target. */
    public static WarmupBudget serveDefault() {
        return new WarmupBudget(Duration.ofSeconds(SERVE_DEFAULT_SECONDS), true);
    }

    /**
     * When a warm-up starting {@code now} ends: after its length, and, if it ends by the start-up target, no later
     * than {@link #READY_TARGET} after the JVM started, so that a fleet that took long to load leaves it less time
     * (or none) rather than delaying the start.
     */
    public Instant end(Instant now, Instant jvmStart) {
        Instant end = now.plus(length);
        if (endsByReadyTarget) {
            Instant target = jvmStart.plus(READY_TARGET);
            return end.isAfter(target) ? target : end;
        }
        return end;
    }

    /** A warm-up of this length, run in full whatever the time since the start. */
    public static WarmupBudget inFull(Duration length) {
        return new WarmupBudget(length, false);
    }
}
