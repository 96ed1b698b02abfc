package dev.vigil.cli;

import dev.vigil.agent.deliver.Backoff;
import dev.vigil.agent.deliver.Courier;
import dev.vigil.agent.deliver.KernelClient;
import dev.vigil.agent.deliver.KernelSettings;
import dev.vigil.agent.deliver.Outbox;
import dev.vigil.agent.deliver.OutboxBusyException;
import dev.vigil.agent.deliver.OutboxLimits;
import dev.vigil.agent.probe.Durations;
import dev.vigil.agent.probe.Elevation;
import dev.vigil.core.json.ReportCodec;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil agent}: audits this machine every interval and delivers each report to the kernel through a durable
 * outbox, so that a report survives a kernel that is down, a network that is gone and an agent that is killed.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = {"Audits this machine periodically and sends each report to the kernel.",
            "Each report is written to the outbox folder (and synced to disk) before it is sent, and leaves it only when "
                    + "the kernel acknowledged it; while the kernel is unreachable, reports wait there and are retried with "
                    + "growing, jittered pauses. --once runs one cycle and exits (for cron and Task Scheduler)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the cycle ran (with --once: even when the kernel was unreachable; the report then waits in the outbox)",
            "2:setup error: bad option, no token, unusable outbox, outbox in use by another agent",
            "3:internal error"})
final class AgentCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:VIGIL_SERVER}",
            description = "The kernel, e.g. https://vigil.example:8443 (default: the VIGIL_SERVER environment variable).")
    URI server;

    @CommandLine.Mixin
    KernelOptions kernel;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "Time between audits (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--jitter", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.ZeroAllowed.class,
            description = "Add a random pause up to this long to each interval, so that a fleet does not report at once (default: ${DEFAULT-VALUE}; 0 for none).")
    Duration jitter;

    @Option(names = "--outbox", paramLabel = "DIR",
            description = "Folder for reports waiting to be sent (default: /var/lib/vigil/outbox as root on Linux, else the user's state folder).")
    Path outboxDir;

    @Option(names = "--once", description = "Run one cycle (audit, outbox, send) and exit.")
    boolean once;

    @Option(names = "--retry-for", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --once: keep retrying an unreachable kernel for this long before exiting (default: one attempt).")
    Duration retryFor;

    @Option(names = "--max-outbox-reports", paramLabel = "N", defaultValue = "" + OutboxLimits.DEFAULT_MAX_REPORTS,
            description = "Most reports the outbox keeps; beyond it the oldest are dropped and counted (default: ${DEFAULT-VALUE}).")
    int maxReports;

    @Option(names = "--max-outbox-size", paramLabel = "SIZE", defaultValue = "50MB", converter = SizeConverter.class,
            description = "Most bytes the outbox keeps, e.g. 50MB (default: ${DEFAULT-VALUE}).")
    long maxBytes;

    @Option(names = "--backoff-cap", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "Longest pause between retries (default: ${DEFAULT-VALUE}).")
    Duration backoffCap;

    @CommandLine.Mixin
    AuditInputs inputs;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (server == null) {
            throw new UsageException("no kernel: give --server URL (or set VIGIL_SERVER)");
        }
        if (retryFor != null && !once) {
            throw new UsageException("--retry-for applies to --once; without it the agent retries until the next audit");
        }
        OutboxLimits limits = limits();
        Backoff backoff = backoff();
        KernelSettings settings = kernel.settings(server, spec.commandLine().getErr());
        AuditInputs.Prepared audit = inputs.prepare();
        Path dir = outboxDir != null ? outboxDir
                : DefaultOutbox.of(OsFamily.current(), Elevation.current(OsFamily.current()), System.getenv(), Path.of(System.getProperty("user.home")));
        try (Outbox outbox = openOutbox(dir, limits, out);
             KernelClient client = kernel.connect(settings)) {
            Courier courier = Courier.standard(outbox, client, backoff, line -> say(out, line));
            say(out, "outbox " + dir.toAbsolutePath() + " (" + outbox.pending().size() + " waiting, " + outbox.dropped()
                    + " dropped so far); kernel " + server);
            RandomGenerator random = RandomGenerator.getDefault();
            while (true) {
                Instant nextAudit = Instant.now().plus(interval).plus(jitter.isZero() ? Duration.ZERO
                        : Duration.ofMillis(random.nextLong(jitter.toMillis() + 1)));
                cycle(audit, outbox, courier, once ? Instant.now().plus(retryFor == null ? Duration.ZERO : retryFor) : nextAudit, out);
                if (once) {
                    return ExitCodes.OK;
                }
                Duration pause = Duration.between(Instant.now(), nextAudit);
                if (pause.isPositive()) {
                    say(out, "next audit in " + Durations.human(pause.withNanos(0)));
                    try {
                        Thread.sleep(pause);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return ExitCodes.OK;
                    }
                }
            }
        }
    }

    /**
     * Audit, store in the outbox, then send what the outbox holds until {@code sendUntil}. A failed audit or a full
     * disk costs this cycle's report, said in the log; the long-running agent goes on, {@code --once} fails with it.
     */
    private void cycle(AuditInputs.Prepared audit, Outbox outbox, Courier courier, Instant sendUntil, PrintWriter out) throws IOException {
        try {
            Report report = audit.run();
            outbox.put(report.reportId().toString(), ReportCodec.instance().write(report).getBytes(StandardCharsets.UTF_8));
            say(out, "audited: report " + report.reportId() + ", score " + report.summary().score() + ", in the outbox");
        } catch (UsageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (once && e instanceof IOException io) {
                throw io;
            }
            say(out, "this cycle's report is lost: " + e + "; sending what the outbox holds");
        }
        Courier.Pass pass;
        try {
            pass = courier.flushUntil(sendUntil);
        } catch (IOException e) {
            if (once) {
                throw e;
            }
            say(out, "cannot read the outbox " + outbox.dir() + ": " + e + "; trying again next cycle");
            return;
        }
        if (pass.waiting() == 0) {
            say(out, "outbox empty: every report delivered" + (pass.rejected() > 0 ? " or rejected (see " + outbox.dir().resolve("rejected") + ")" : ""));
        } else {
            say(out, pass.waiting() + " report(s) wait in the outbox " + outbox.dir().toAbsolutePath() + ": "
                    + pass.blockedBy().orElse("not sent yet") + (once ? "; the next run sends them" : "; retrying before the next audit"));
        }
    }

    private Outbox openOutbox(Path dir, OutboxLimits limits, PrintWriter out) {
        try {
            return Outbox.open(dir, limits, line -> say(out, line));
        } catch (OutboxBusyException e) {
            throw new UsageException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UsageException("cannot use the outbox " + dir + ": " + e, e);
        }
    }

    private OutboxLimits limits() {
        try {
            return new OutboxLimits(maxReports, maxBytes);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private Backoff backoff() {
        Duration base = Backoff.DEFAULT_BASE.compareTo(backoffCap) <= 0 ? Backoff.DEFAULT_BASE : backoffCap;
        return new Backoff(base, backoffCap);
    }

    /**
     * One line of the agent's log. A long-running agent stamps each line with the time, unless systemd's journal
     * (which stamps lines itself) reads its output; {@code --once} leaves that to cron.
     */
    private void say(PrintWriter out, String line) {
        boolean stamp = !once && System.getenv("JOURNAL_STREAM") == null;
        synchronized (out) {
            out.println(stamp ? Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + line : line);
            out.flush();
        }
    }
}
