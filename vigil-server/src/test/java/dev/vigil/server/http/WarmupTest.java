package dev.vigil.server.http;

import dev.vigil.server.store.SqliteReportStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up before listening: every request of its mix gets the answer a healthy kernel gives, on a loopback
 * server of its own, with a token that is never stored.
 */
class WarmupTest {

    @TempDir
    Path dir;

    final Fleet.TestClock clock = new Fleet.TestClock();
    SqliteReportStore store;

    @BeforeEach
    void open() {
        store = SqliteReportStore.open(dir, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    final HttpApi.Settings settings = new HttpApi.Settings("127.0.0.1", 0, 1 << 20, false, 16, Duration.ofSeconds(5),
            Duration.ofDays(7), List.of(), Optional.empty());

    @Test
    void theWholeMixIsAnsweredAsExpectedUntilTheBudgetEnds() {
        Instant until = Instant.now().plusMillis(1500);
        Optional<Warmup.Outcome> outcome = HttpApi.warm(settings, store, store.catalog(), clock, until);

        assertThat(Instant.now()).isAfterOrEqualTo(until);
        assertThat(outcome).hasValueSatisfying(o -> {
            assertThat(o.stoppedBecause()).isEmpty();
            assertThat(o.requests()).isGreaterThan(20);
            assertThat(o.took()).isLessThan(Duration.ofSeconds(10));
        });
        assertThat(store.tokens()).isEmpty();
    }

    @Test
    void withPublicReadsTheMixStillRunsThrough() {
        HttpApi.Settings publicRead = new HttpApi.Settings("127.0.0.1", 0, 1 << 20, true, 16, Duration.ofSeconds(5),
                Duration.ofDays(7), List.of(), Optional.empty());

        assertThat(HttpApi.warm(publicRead, store, store.catalog(), clock, Instant.now().plusMillis(800)))
                .hasValueSatisfying(o -> assertThat(o.stoppedBecause()).isEmpty());
    }

    @Test
    void noTimeLeftNoWarmup() {
        assertThat(HttpApi.warm(settings, store, store.catalog(), clock, Instant.now())).isEmpty();
    }
}
