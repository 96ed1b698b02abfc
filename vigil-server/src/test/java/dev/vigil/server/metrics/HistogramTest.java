package dev.vigil.server.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistogramTest {

    static PrometheusText written(Histogram h, String name) {
        Exposition out = new Exposition().family(name, Exposition.Type.HISTOGRAM, "test");
        h.writeTo(out, name);
        return PrometheusText.parse(out.toString());
    }

    @Test
    void aValueOnABoundFallsInThatBucketAndBucketsAreCumulative() {
        Histogram h = new Histogram(Buckets.counts(1, 2, 4), Labels.of("route", "/x"));
        for (long v : new long[]{0, 1, 2, 3, 4, 5, 100}) {
            h.observe(v);
        }
        PrometheusText t = written(h, "batch");

        assertThat(t.value("batch_bucket", "route", "/x", "le", "1")).isEqualTo(2);   // 0, 1
        assertThat(t.value("batch_bucket", "route", "/x", "le", "2")).isEqualTo(3);   // + 2
        assertThat(t.value("batch_bucket", "route", "/x", "le", "4")).isEqualTo(5);   // + 3, 4
        assertThat(t.value("batch_bucket", "route", "/x", "le", "+Inf")).isEqualTo(7);
        assertThat(t.value("batch_count", "route", "/x")).isEqualTo(7);
        assertThat(t.value("batch_sum", "route", "/x")).isEqualTo(115);
    }

    @Test
    void durationsAreObservedInNanosecondsAndShownInSeconds() {
        Histogram h = new Histogram(Buckets.seconds(0.0005, 0.001, 2.5), Labels.NONE);
        h.observe(500_000);       // exactly 0.5 ms
        h.observe(500_001);
        h.observe(3_000_000_000L);
        PrometheusText t = written(h, "latency_seconds");

        assertThat(t.family("latency_seconds").orElseThrow().samples()).extracting(s -> s.labels().get("le"))
                .containsExactly("0.0005", "0.001", "2.5", "+Inf", null, null);
        assertThat(t.value("latency_seconds_bucket", "le", "0.0005")).isEqualTo(1);
        assertThat(t.value("latency_seconds_bucket", "le", "0.001")).isEqualTo(2);
        assertThat(t.value("latency_seconds_bucket", "le", "2.5")).isEqualTo(2);
        assertThat(t.value("latency_seconds_count")).isEqualTo(3);
        assertThat(t.value("latency_seconds_sum")).isCloseTo(3.001000001, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void concurrentObservationsAreAllCounted() throws Exception {
        Histogram h = new Histogram(Buckets.counts(10, 100, 1000), Labels.NONE);
        int threads = 4;
        int each = 50_000;
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        h.observe(i % 2000);
                    }
                    return null;
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        PrometheusText t = written(h, "v");
        assertThat(t.value("v_count")).isEqualTo(threads * each);
        assertThat(t.value("v_bucket", "le", "10")).isEqualTo(threads * (each / 2000) * 11);
        long expectedSum = (long) threads * (each / 2000) * (1999L * 2000 / 2);
        assertThat(t.value("v_sum")).isEqualTo(expectedSum);
    }

    @Test
    void boundsMustIncrease() {
        assertThatThrownBy(() -> Buckets.counts(1, 4, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("increase");
        assertThatThrownBy(() -> Buckets.seconds(0.001, 0.001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bucketOfAValueIsTheFirstBoundAtOrAboveIt() {
        Buckets b = Buckets.counts(1, 2, 4);
        assertThat(List.of(-5L, 0L, 1L, 2L, 3L, 4L, 5L).stream().map(b::indexOf))
                .containsExactly(0, 0, 0, 1, 2, 2, 3);
    }
}
