package dev.vigil.agent;

import dev.vigil.agent.check.Check;
import dev.vigil.agent.check.CheckRunner;
import dev.vigil.agent.check.Checks;
import dev.vigil.agent.host.HostIdentity;
import dev.vigil.agent.policy.Policy;
import dev.vigil.agent.probe.HostProbe;
import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.report.AgentInfo;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Host;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.ReportIds;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** One audit: picks the checks for the host's platform, runs them, and assembles the report. */
public final class Audit {

    private final Catalog catalog;
    private final Policy policy;
    private final InstantSource clock;
    private final Supplier<UUID> ids;

    public Audit(Catalog catalog, Policy policy, InstantSource clock, Supplier<UUID> ids) {
        this.catalog = catalog;
        this.policy = policy;
        this.clock = clock;
        this.ids = ids;
    }

    /** An audit with the bundled catalog, the given policy, the system clock and time-ordered report ids. */
    public static Audit standard(Policy policy) {
        return new Audit(Catalog.bundled(), policy, InstantSource.system(), ReportIds.system());
    }

    /** Runs the audit against the probe. */
    public Report run(HostProbe probe, AuditOptions options) {
        Instant started = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        CompletableFuture<Host> host = CompletableFuture.supplyAsync(() -> HostIdentity.of(probe),
                command -> Thread.ofVirtual().name("vigil-host").start(command));
        List<Check> checks = select(Checks.forPlatform(probe.family()), options);
        List<Finding> findings = new CheckRunner(catalog, policy, options.timeout()).run(checks, probe);
        Instant finished = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (finished.isBefore(started)) {
            finished = started;
        }
        return Report.of(ids.get(), host.join(), new AgentInfo(AgentVersion.get()), started, finished, probe.elevated(), findings);
    }

    /** The checks whose control id or domain is in {@code only} (when given) and not in {@code skip}. */
    List<Check> select(List<Check> all, AuditOptions options) {
        if (options.only().isEmpty() && options.skip().isEmpty()) {
            return all;
        }
        List<Check> chosen = new ArrayList<>();
        for (Check c : all) {
            CatalogEntry e = catalog.require(c.control());
            if (!options.only().isEmpty() && !matches(e, options.only())) {
                continue;
            }
            if (matches(e, options.skip())) {
                continue;
            }
            chosen.add(c);
        }
        return chosen;
    }

    /** Whether {@code selector} names a control or domain that exists; for validating user input. */
    public boolean knows(String selector) {
        return catalog.entries().stream().anyMatch(e -> matches(e, Set.of(selector)));
    }

    private static boolean matches(CatalogEntry e, Set<String> selectors) {
        for (String s : selectors) {
            if (e.id().equals(s) || e.domain().equals(s) || e.id().startsWith(s + ".")) {
                return true;
            }
        }
        return false;
    }
}
