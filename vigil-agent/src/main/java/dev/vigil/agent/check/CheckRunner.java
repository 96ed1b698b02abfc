package dev.vigil.agent.check;

import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.Durations;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.report.Finding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs checks concurrently, one virtual thread each, and turns every check into exactly one finding.
 *
 * <p>All checks start together and share one deadline: a check still running when it passes is
 * interrupted (which kills its command) and reported UNKNOWN, so no check can delay the report past
 * the deadline. A check that throws becomes UNKNOWN with the exception as the reason. The gate for
 * declared {@link Need needs} runs first and says why a check was not run.
 */
public final class CheckRunner {

    private static final Logger LOG = Logger.getLogger(CheckRunner.class.getName());
    /** Packages of the Java runtime (a class missing from one is a module the bundle left out). */
    private static final List<String> RUNTIME_PACKAGES = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/",
            "org/w3c/", "org/xml/", "org/ietf/");

    private final Catalog catalog;
    private final Policy policy;
    private final Duration timeout;

    public CheckRunner(Catalog catalog, Policy policy, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("check timeout must be positive: " + timeout);
        }
        this.catalog = catalog;
        this.policy = policy;
        this.timeout = timeout;
    }

    /** One finding per check, in the order given. */
    public List<Finding> run(List<Check> checks, HostProbe probe) {
        ThreadFactory threads = Thread.ofVirtual().name("vigil-check-", 0).factory();
        List<Task> tasks = new ArrayList<>();
        for (Check check : checks) {
            EvidenceProbe evidence = new EvidenceProbe(probe);
            CompletableFuture<Finding> result = new CompletableFuture<>();
            long started = System.nanoTime();
            Task task = new Task(check, evidence, result, started);
            Thread thread = threads.newThread(() -> {
                try {
                    result.complete(runOne(task));
                } catch (Throwable e) {
                    // an Error, or a finding that cannot be made: report it now rather than at the deadline
                    result.completeExceptionally(e);
                }
            });
            tasks.add(task.on(thread));
            thread.start();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Finding> findings = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            findings.add(await(t, deadline));
        }
        return findings;
    }

    private Finding await(Task t, long deadline) {
        try {
            long left = Math.max(0, deadline - System.nanoTime());
            return t.result().get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            t.thread().interrupt();
            return finding(t, Outcome.unknown("timed out after " + Durations.human(timeout)));
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "check " + t.check().control() + " failed", e.getCause());
            return finding(t, Outcome.unknown("check failed: " + describe(e.getCause())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            t.thread().interrupt();
            return finding(t, Outcome.unknown("audit interrupted"));
        }
    }

    private Finding runOne(Task t) {
        Check check = t.check();
        HostProbe probe = t.probe();
        for (Need need : check.needs()) {
            boolean met = switch (need) {
                case ELEVATED -> probe.elevated();
                case LIVE_SYSTEM -> probe.live();
            };
            if (!met) {
                return finding(t, Outcome.unknown(need.reason(probe.family())));
            }
        }
        try {
            return finding(t, check.run(probe, policy));
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.WARNING, "check " + check.control() + " failed", e);
            return finding(t, Outcome.unknown("check failed: " + describe(e)));
        }
    }

    private Finding finding(Task t, Outcome o) {
        CatalogEntry entry = catalog.require(t.check().control());
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t.started());
        return new Finding(entry.id(), o.status(), entry.severity(), entry.title(), o.detail(), o.facts(),
                t.probe().evidence(), ms);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        String what = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        if (e instanceof NoClassDefFoundError && m != null && RUNTIME_PACKAGES.stream().anyMatch(m::startsWith)) {
            // a bundle's runtime holds only the modules its own OS's checks need (java.xml for macOS, say)
            String missing = m.replace('/', '.');
            return "this bundle leaves out the Java runtime's " + missing.substring(0, Math.max(0, missing.lastIndexOf('.')))
                    + ", which the check needs (" + what + "); audit this OS with its own bundle or the full one";
        }
        return what;
    }

    private record Task(Check check, EvidenceProbe probe, CompletableFuture<Finding> result, long started, Thread thread) {
        Task(Check check, EvidenceProbe probe, CompletableFuture<Finding> result, long started) {
            this(check, probe, result, started, null);
        }

        Task on(Thread t) {
            return new Task(check, probe, result, started, t);
        }
    }
}
