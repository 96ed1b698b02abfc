package dev.vigil.agent.deliver;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How long to wait before the next attempt: exponential backoff with full jitter (a uniform draw between zero and
 * {@code min(cap, base * 2^attempt)}), so that a fleet whose kernel comes back does not return all at once. A
 * {@code Retry-After} from the kernel is honoured as the least wait, up to {@link #MAX_RETRY_AFTER} (a header asking
 * for a week must not silence an agent for a week).
 *
 * @param base the first ceiling (attempt 0)
 * @param cap  the largest ceiling
 */
public record Backoff(Duration base, Duration cap) {

    public static final Duration DEFAULT_BASE = Duration.ofSeconds(1);
    public static final Duration DEFAULT_CAP = Duration.ofMinutes(5);
    public static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (!base.isPositive() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff base " + base + " must be positive and at most the cap " + cap);
        }
    }

    public static Backoff defaults() {
        return new Backoff(DEFAULT_BASE, DEFAULT_CAP);
    }

    /** The ceiling of the draw for an attempt (0 for the first retry). */
    public Duration ceiling(int attempt) {
        int shift = Math.min(Math.max(attempt, 0), 40);
        long millis = base.toMillis();
        long ceiling = millis > (cap.toMillis() >> shift) ? cap.toMillis() : millis << shift;
        return Duration.ofMillis(Math.min(ceiling, cap.toMillis()));
    }

    /** The wait before retry number {@code attempt}: the jittered draw, but never less than what Retry-After asked. */
    public Duration delay(int attempt, Optional<Duration> retryAfter, RandomGenerator random) {
        long ceiling = ceiling(attempt).toMillis();
        Duration drawn = Duration.ofMillis(random.nextLong(ceiling + 1));
        Duration asked = retryAfter.map(d -> d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d).orElse(Duration.ZERO);
        return drawn.compareTo(asked) >= 0 ? drawn : asked;
    }
}
