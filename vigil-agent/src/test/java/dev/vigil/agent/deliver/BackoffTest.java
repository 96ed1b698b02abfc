package dev.vigil.agent.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

    final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void theCeilingDoublesFromTheBaseUpToTheCap() {
        assertThat(backoff.ceiling(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.ceiling(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.ceiling(1000)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.ceiling(-3)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void delaysAreDrawnUniformlyBetweenZeroAndTheCeiling() {
        RandomGenerator random = new SplittableRandom(42);
        for (int attempt = 0; attempt < 12; attempt++) {
            Set<Long> seen = new HashSet<>();
            long ceiling = backoff.ceiling(attempt).toMillis();
            long below = 0;
            for (int i = 0; i < 2000; i++) {
                Duration d = backoff.delay(attempt, Optional.empty(), random);
                assertThat(d).isBetween(Duration.ZERO, backoff.ceiling(attempt));
                seen.add(d.toMillis());
                below += d.toMillis() < ceiling / 2 ? 1 : 0;
            }
            assertThat(seen).as("jitter spreads the delays").hasSizeGreaterThan(100);
            assertThat(below).as("full jitter: about half below the middle").isBetween(800L, 1200L);
        }
    }

    @Test
    void retryAfterIsTheLeastWaitUpToAnHour() {
        RandomGenerator random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.delay(0, Optional.of(Duration.ofSeconds(30)), random)).isEqualTo(Duration.ofSeconds(30));
            assertThat(backoff.delay(10, Optional.of(Duration.ofSeconds(30)), random)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
            assertThat(backoff.delay(0, Optional.of(Duration.ofDays(7)), random)).isEqualTo(Backoff.MAX_RETRY_AFTER);
        }
    }

    @Test
    void aBaseAboveTheCapIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1))).hasMessageContaining("at most the cap");
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(1))).hasMessageContaining("positive");
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        assertThat(RetryAfter.parse(Optional.of("120"), now)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(Optional.of(" 0 "), now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse(Optional.of("Wed, 25 Nov 2026 12:01:30 GMT"), now)).contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse(Optional.of("Wed, 25 Nov 2026 11:00:00 GMT"), now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse(Optional.of("soon"), now)).isEmpty();
        assertThat(RetryAfter.parse(Optional.of("-5"), now)).isEmpty();
        assertThat(RetryAfter.parse(Optional.empty(), now)).isEmpty();
    }
}
