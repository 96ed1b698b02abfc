package dev.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The default warm-up gives way to the start-up target: a fleet that took long to load leaves it less time, or none.
 * One asked for explicitly runs in full.
 */
class WarmupEndTest {

    static final Instant STARTED = Instant.parse("2026-11-25T12:00:00Z");

    private static WarmupBudget byTarget(Duration length) {
        return new WarmupBudget(length, true);
    }

    @Test
    void aQuickLoadGetsTheWholeBudgetWithinTheTarget() {
        Instant now = STARTED.plusMillis(400);
        assertThat(byTarget(Duration.ofSeconds(1)).end(now, STARTED))
                .isEqualTo(now.plusSeconds(1));
    }

    @Test
    void aBudgetPastTheTargetIsCutAtIt() {
        Instant now = STARTED.plusMillis(700);
        assertThat(byTarget(Duration.ofSeconds(5)).end(now, STARTED))
                .isEqualTo(STARTED.plus(WarmupBudget.READY_TARGET));
    }

    @Test
    void aLoadThatTookPastTheTargetLeavesNoWarmup() {
        Instant now = STARTED.plusSeconds(4);
        assertThat(byTarget(Duration.ofSeconds(2)).end(now, STARTED)).isBefore(now);
    }

    @Test
    void noBudgetNoWarmup() {
        Instant now = STARTED.plusSeconds(1);
        assertThat(WarmupBudget.NONE.end(now, STARTED)).isEqualTo(now);
    }

    @Test
    void anExplicitLengthRunsInFullPastTheTarget() {
        Instant now = STARTED.plusSeconds(4);
        assertThat(WarmupBudget.inFull(Duration.ofSeconds(10)).end(now, STARTED))
                .isEqualTo(now.plusSeconds(10));
    }

    @Test
    void serveDefaultEndsByTheTarget() {
        assertThat(WarmupBudget.serveDefault())
                .isEqualTo(new WarmupBudget(Duration.ofSeconds(WarmupBudget.SERVE_DEFAULT_SECONDS), true));
        assertThatThrownBy(() -> WarmupBudget.inFull(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }
}
