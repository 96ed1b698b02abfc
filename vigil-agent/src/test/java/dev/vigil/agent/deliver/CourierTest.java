package dev.vigil.agent.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourierTest {

    @TempDir
    Path dir;

    final List<String> log = new ArrayList<>();
    final List<String> sent = new ArrayList<>();
    final List<Duration> slept = new ArrayList<>();
    final Deque<Answer> script = new ArrayDeque<>();
    Instant now = Instant.parse("2026-11-25T12:00:00Z");

    Courier courier(Outbox outbox) {
        Transport t = json -> {
            String id = new String(json, StandardCharsets.UTF_8);
            sent.add(id);
            Answer next = script.isEmpty() ? accepted(id) : script.poll();
            return next instanceof Answer.Accepted ? accepted(id) : next;
        };
        return new Courier(outbox, t, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)), () -> now,
                d -> {
                    slept.add(d);
                    now = now.plus(d);
                }, new SplittableRandom(1), log::add);
    }

    static Answer accepted(String id) {
        return new Answer.Accepted(false, new Receipt(id, "h1", 90, List.of()));
    }

    static Answer unavailable(Optional<Duration> retryAfter) {
        return new Answer.Unavailable("the kernel answered 503 Service unavailable", retryAfter);
    }

    List<String> fill(Outbox o, int n) throws IOException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = UUID.randomUUID().toString();
            o.put(id, id.getBytes(StandardCharsets.UTF_8));
            ids.add(id);
        }
        return ids;
    }

    @Test
    void sendsOldestFirstAndEmptiesTheOutbox() throws IOException {
        try (Outbox o = Outbox.open(dir, OutboxLimits.defaults(), log::add)) {
            List<String> ids = fill(o, 5);
            Courier.Pass p = courier(o).flushOnce();
            assertThat(p).isEqualTo(new Courier.Pass(5, 0, 0, Optional.empty()));
            assertThat(sent).containsExactlyElementsOf(ids);
            assertThat(o.pending()).isEmpty();
        }
    }

    @Test
    void stopsAtTheFirstReportTheKernelCannotTakeSoOrderIsKept() throws IOException {
        try (Outbox o = Outbox.open(dir, OutboxLimits.defaults(), log::add)) {
            List<String> ids = fill(o, 4);
            script.add(accepted("x"));
            script.add(unavailable(Optional.empty()));
            Courier.Pass p = courier(o).flushOnce();
            assertThat(p.delivered()).isEqualTo(1);
            assertThat(p.waiting()).isEqualTo(3);
            assertThat(p.blockedBy()).hasValueSatisfying(r -> assertThat(r).contains("503"));
            assertThat(o.pending()).extracting(OutboxEntry::reportId).containsExactlyElementsOf(ids.subList(1, 4));
        }
    }

    @Test
    void aRejectedReportIsSetAsideAndTheRestStillGo() throws IOException {
        try (Outbox o = Outbox.open(dir, OutboxLimits.defaults(), log::add)) {
            fill(o, 3);
            script.add(new Answer.Rejected(KernelProblem.from(400, "{\"title\":\"Bad request\",\"detail\":\"bad\"}")));
            Courier.Pass p = courier(o).flushOnce();
            assertThat(p).isEqualTo(new Courier.Pass(2, 1, 0, Optional.empty()));
        }
    }

    @Test
    void aRefusedTokenKeepsEveryReport() throws IOException {
        try (Outbox o = Outbox.open(dir, OutboxLimits.defaults(), log::add)) {
            fill(o, 3);
            script.add(new Answer.Refused("the kernel refused the token: 401 Unauthorized"));
            Courier.Pass p = courier(o).flushOnce();
            assertThat(p.waiting()).isEqualTo(3);
            assertThat(p.blockedBy()).hasValueSatisfying(r -> assertThat(r).contains("token"));
        }
    }

    @Test
    void aReceiptForAnotherReportAcknowledgesNothing() throws IOException {
        try (Outbox o = Outbox.open(dir, OutboxLimits.defaults(), log::add)) {
            List<String> ids = fill(o, 2);
            Courier c = new Courier(o, json -> new Answer.Accepted(false, new Receipt("someone-else", "h1", 90, List.of())),
                    Backoff.defaults(), () -> now, d -> { }, new SplittableRandom(1), log::add);
            Courier.Pass p = c.flushOnce();
            assertThat(p.delivered()).isZero();
            assertThat(p.blockedBy()).hasValueSatisfying(r -> assertThat(r).contains("someone-else", ids.get(0)));
            assertThat(o.pending()).extracting(OutboxEntry::reportId).containsExactlyElementsOf(ids);
        }
    }

    @Test
    void retriesWithGrowingJitteredWaitsHonouringRetryAfterUntilDelivered() throws IOException {
        try (Outbox o = Outbox.open(dir, OutboxLimits.defaults(), log::add)) {
            List<String> ids = fill(o, 2);
            script.add(unavailable(Optional.empty()));
            script.add(unavailable(Optional.empty()));
            script.add(unavailable(Optional.of(Duration.ofSeconds(20))));
            Courier.Pass p = courier(o).flushUntil(now.plus(Duration.ofHours(1)));
            assertThat(p.delivered()).isEqualTo(2);
            assertThat(p.waiting()).isZero();
            assertThat(slept).hasSize(3);
            assertThat(slept.get(0)).isLessThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(slept.get(1)).isLessThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(slept.get(2)).isGreaterThanOrEqualTo(Duration.ofSeconds(20));
            assertThat(sent).containsSubsequence(ids.get(0), ids.get(1)).filteredOn(ids.get(1)::equals).hasSize(1);
            assertThat(log).anyMatch(l -> l.contains("retrying in"));
        }
    }

    @Test
    void givesUpForNowWhenTheNextWaitWouldPassTheDeadline() throws IOException {
        try (Outbox o = Outbox.open(dir, OutboxLimits.defaults(), log::add)) {
            fill(o, 1);
            for (int i = 0; i < 50; i++) {
                script.add(unavailable(Optional.of(Duration.ofSeconds(10))));
            }
            Instant deadline = now.plus(Duration.ofSeconds(35));
            Courier.Pass p = courier(o).flushUntil(deadline);
            assertThat(p.waiting()).isEqualTo(1);
            assertThat(now).isBeforeOrEqualTo(deadline);
            assertThat(slept).hasSize(3).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(10)));
        }
    }
}
