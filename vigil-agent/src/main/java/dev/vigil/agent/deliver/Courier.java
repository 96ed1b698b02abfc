package dev.vigil.agent.deliver;

import dev.vigil.agent.probe.Durations;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Empties the outbox into the kernel, oldest report first. A report leaves the outbox only on the kernel's receipt
 * (or, rejected, into {@code rejected/}); when the kernel cannot take a report now, the pass stops there so that
 * reports keep their order, and the next pass comes after a {@link Backoff} wait.
 */
public final class Courier {

    /** Waits; {@link Thread#sleep} in production, a recording stand-in in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /**
     * What one or more passes achieved.
     *
     * @param delivered reports the kernel acknowledged
     * @param rejected  reports moved to {@code rejected/}
     * @param waiting   reports still in the outbox
     * @param blockedBy why the last pass stopped early, when it did
     */
    public record Pass(int delivered, int rejected, int waiting, Optional<String> blockedBy) {
        Pass plus(Pass later) {
            return new Pass(delivered + later.delivered, rejected + later.rejected, later.waiting, later.blockedBy);
        }
    }

    private final Outbox outbox;
    private final Transport transport;
    private final Backoff backoff;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Consumer<String> log;
    private int failures;
    private Optional<Duration> lastRetryAfter = Optional.empty();

    public Courier(Outbox outbox, Transport transport, Backoff backoff, InstantSource clock, Sleeper sleeper,
                   RandomGenerator random, Consumer<String> log) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** A courier on the system clock, sleeping for real. */
    public static Courier standard(Outbox outbox, Transport transport, Backoff backoff, Consumer<String> log) {
        return new Courier(outbox, transport, backoff, InstantSource.system(), Thread::sleep, RandomGenerator.getDefault(), log);
    }

    /** One pass over the outbox in order; stops at the first report the kernel cannot take now. */
    public Pass flushOnce() throws IOException {
        int delivered = 0;
        int rejected = 0;
        for (OutboxEntry entry : outbox.pending()) {
            Answer answer = acknowledgingThisReport(transport.send(outbox.read(entry)), entry);
            switch (answer) {
                case Answer.Accepted a -> {
                    outbox.acknowledge(entry);
                    delivered++;
                    failures = 0;
                    log.accept("delivered report " + entry.reportId() + ": " + (a.duplicate() ? "the kernel already had it" : "stored")
                            + " for host " + a.receipt().hostId() + ", " + a.receipt().describe());
                }
                case Answer.Rejected r -> {
                    outbox.reject(entry, r.problem());
                    rejected++;
                }
                case Answer.Refused r -> {
                    return new Pass(delivered, rejected, outbox.pending().size(), Optional.of(r.reason()));
                }
                case Answer.Unavailable u -> {
                    lastRetryAfter = u.retryAfter();
                    return new Pass(delivered, rejected, outbox.pending().size(), Optional.of(u.reason()));
                }
            }
        }
        lastRetryAfter = Optional.empty();
        return new Pass(delivered, rejected, 0, Optional.empty());
    }

    /** A receipt for another report id acknowledges nothing (a proxy mixing up answers): the report stays. */
    private static Answer acknowledgingThisReport(Answer answer, OutboxEntry entry) {
        if (answer instanceof Answer.Accepted a && !a.receipt().reportId().equalsIgnoreCase(entry.reportId())) {
            return new Answer.Unavailable("the kernel's receipt names report " + a.receipt().reportId() + ", not "
                    + entry.reportId() + "; keeping it", Optional.empty());
        }
        return answer;
    }

    /**
     * Passes until the outbox is empty, or until the next wait would end after {@code deadline}: the waits grow by
     * {@link Backoff} and honour the kernel's Retry-After. Returns what all the passes achieved.
     */
    public Pass flushUntil(Instant deadline) throws IOException {
        Pass total = new Pass(0, 0, 0, Optional.empty());
        while (true) {
            Pass pass = flushOnce();
            total = total.plus(pass);
            if (pass.blockedBy().isEmpty()) {
                return total;
            }
            Duration wait = backoff.delay(failures++, lastRetryAfter, random);
            if (clock.instant().plus(wait).isAfter(deadline)) {
                return total;
            }
            log.accept(pass.waiting() + " report(s) waiting: " + pass.blockedBy().get() + "; retrying in " + Durations.human(wait));
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return total;
            }
        }
    }
}
