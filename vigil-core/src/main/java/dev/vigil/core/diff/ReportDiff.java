package dev.vigil.core.diff;

import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What changed between an older and a newer report of (usually) the same host.
 *
 * <p>A regression is a control that passed before and now fails or warns, or that warned and now fails.
 * A fix is the reverse: failing or warning before, passing now (or failing before and warning now).
 * Other status moves (to or from UNKNOWN or NOT_APPLICABLE) are listed as {@code changed}, since they
 * say more about what the agent could see than about the host.
 */
public record ReportDiff(
        UUID fromReport,
        UUID toReport,
        List<ControlChange> regressions,
        List<ControlChange> fixes,
        List<ControlChange> changed,
        List<ControlChange> added,
        List<ControlChange> removed) {

    public ReportDiff {
        Objects.requireNonNull(fromReport, "from_report");
        Objects.requireNonNull(toReport, "to_report");
        regressions = List.copyOf(regressions);
        fixes = List.copyOf(fixes);
        changed = List.copyOf(changed);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** Compares {@code older} with {@code newer}. */
    public static ReportDiff between(Report older, Report newer) {
        Map<String, Finding> before = byControl(older);
        Map<String, Finding> after = byControl(newer);
        List<ControlChange> regressions = new ArrayList<>();
        List<ControlChange> fixes = new ArrayList<>();
        List<ControlChange> changed = new ArrayList<>();
        List<ControlChange> added = new ArrayList<>();
        List<ControlChange> removed = new ArrayList<>();
        for (Finding now : after.values()) {
            Finding was = before.get(now.control());
            if (was == null) {
                added.add(change(now, Optional.empty(), Optional.of(now.status())));
                continue;
            }
            if (was.status() == now.status()) {
                continue;
            }
            ControlChange c = change(now, Optional.of(was.status()), Optional.of(now.status()));
            int delta = rank(now.status()) - rank(was.status());
            if (rank(was.status()) < 0 || rank(now.status()) < 0) {
                changed.add(c);
            } else if (delta < 0) {
                regressions.add(c);
            } else {
                fixes.add(c);
            }
        }
        for (Finding was : before.values()) {
            if (!after.containsKey(was.control())) {
                removed.add(change(was, Optional.of(was.status()), Optional.empty()));
            }
        }
        return new ReportDiff(older.reportId(), newer.reportId(), regressions, fixes, changed, added, removed);
    }

    /** Whether anything got worse. */
    public boolean hasRegressions() {
        return !regressions.isEmpty();
    }

    private static ControlChange change(Finding f, Optional<Status> from, Optional<Status> to) {
        return new ControlChange(f.control(), f.title(), f.severity(), from, to, f.detail());
    }

    /** Goodness of a decided status; -1 for statuses that say nothing about the host. */
    private static int rank(Status s) {
        return switch (s) {
            case FAIL -> 0;
            case WARN -> 1;
            case PASS -> 2;
            case UNKNOWN, NOT_APPLICABLE -> -1;
        };
    }

    private static Map<String, Finding> byControl(Report r) {
        Map<String, Finding> m = new LinkedHashMap<>();
        for (Finding f : r.findings()) {
            m.put(f.control(), f);
        }
        return m;
    }
}
