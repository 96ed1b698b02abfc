package dev.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The warm-up gives way to the start-up target: a fleet that took long to load leaves it less time, or none. */
class WarmupEndTest {

    static final Instant STARTED = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void aQuickLoadGetsTheWholeBudgetWithinTheTarget() {
        Instant now = STARTED.plusMillis(400);
        assertThat(Kernel.warmupEnd(Duration.ofSeconds(1), now, Optional.of(STARTED))).isEqualTo(now.plusSeconds(1));
    }

    @Test
    void aBudgetPastTheTargetIsCutAtIt() {
        Instant now = STARTED.plusMillis(700);
        assertThat(Kernel.warmupEnd(Duration.ofSeconds(5), now, Optional.of(STARTED)))
                .isEqualTo(STARTED.plus(Kernel.READY_TARGET));
    }

    @Test
    void aLoadThatTookPastTheTargetLeavesNoWarmup() {
        Instant now = STARTED.plusSeconds(4);
        assertThat(Kernel.warmupEnd(Duration.ofSeconds(2), now, Optional.of(STARTED))).isBefore(now);
    }

    @Test
    void withoutAProcessStartTheBudgetAlone() {
        Instant now = STARTED.plusSeconds(4);
        assertThat(Kernel.warmupEnd(Duration.ofSeconds(2), now, Optional.empty())).isEqualTo(now.plusSeconds(2));
        assertThat(Kernel.warmupEnd(Duration.ZERO, now, Optional.of(STARTED))).isEqualTo(now);
    }
}
