package dev.vigil.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProcessMetricsTest {

    @Test
    void theStartTimeIsTheGivenInstantToTheMillisecond() {
        Exposition out = new Exposition();
        new ProcessMetrics(Instant.parse("2026-11-26T08:19:54.087Z")).collect(out);

        PrometheusText text = PrometheusText.parse(out.toString());
        assertThat(text.value("process_start_time_seconds")).isCloseTo(1_795_681_194.087, within(1e-6));
        assertThat(text.value("vigil_uptime_seconds")).isBetween(0.0, 60.0);
    }
}
