package dev.vigil.server.fleet;

import dev.vigil.core.diff.ReportDiff;
import dev.vigil.core.report.AgentInfo;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Host;
import dev.vigil.core.report.OsInfo;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;

/**
 * The fleet's data: hosts by id, by listing order and by last seen, plus counters. Written by one
 * thread at a time (the caller holds the view's lock), read by any number without locks.
 *
 * <p>Every structure is a concurrent one and every {@link HostState} is immutable, so a reader never
 * sees a torn host; it may see the counters of an apply in progress (each counter is exact on its own,
 * and all agree again once the apply returns).
 */
final class FleetState {

    /** What one apply did, before the view adds its version. */
    record Applied(ApplyResult.Outcome outcome, HostState host, Optional<ReportDiff> diff) {
    }

    // written out rather than composed from Comparator.comparing: rebuilding 100,000 hosts spends most of its
    // time in this comparison, and the composed lambdas cost twice as much
    private static final Comparator<HostState> BY_SEEN = (a, b) -> {
        int c = a.lastSeen().compareTo(b.lastSeen());
        return c != 0 ? c : a.hostId().compareTo(b.hostId());
    };

    final ControlTable controls = new ControlTable();
    final ConcurrentHashMap<String, HostState> hosts = new ConcurrentHashMap<>();
    final ConcurrentSkipListMap<HostKey, HostState> byName = new ConcurrentSkipListMap<>();
    final ConcurrentSkipListSet<HostState> bySeen = new ConcurrentSkipListSet<>(BY_SEEN);
    /** Hosts by overall status, indexed by {@link HostStatus#ordinal()}. */
    final AtomicIntegerArray byStatus = new AtomicIntegerArray(HostStatus.values().length);
    /** Hosts by score band, indexed by {@link ScoreBand#ordinal()}. */
    final AtomicIntegerArray byBand = new AtomicIntegerArray(ScoreBand.values().length);
    /** A few distinct OS descriptions shared by all hosts. Writer only. */
    private final ConcurrentHashMap<OsInfo, OsInfo> osNames = new ConcurrentHashMap<>();

    /** Applies a report; computes the diff against the replaced report when {@code diff} is set. Writer only. */
    Applied apply(Report report, boolean diff) {
        HostState old = hosts.get(report.host().id());
        if (old != null && old.reportId().equals(report.reportId())) {
            return new Applied(ApplyResult.Outcome.DUPLICATE, old, Optional.empty());
        }
        if (old != null && !newer(report, old)) {
            return new Applied(ApplyResult.Outcome.OLDER, old, Optional.empty());
        }
        Optional<ReportDiff> changes = old != null && diff
                ? Optional.of(ReportDiff.between(rebuilt(old, report.host()), report))
                : Optional.empty();
        HostState now = compact(report);
        if (old == null) {
            count(now, +1);
        } else {
            replaceCounts(old, now);
        }
        hosts.put(now.hostId(), now);
        byName.put(now.key(), now);
        if (old != null) {
            if (!old.key().equals(now.key())) {
                byName.remove(old.key());
            }
            bySeen.remove(old);
        }
        bySeen.add(now);
        return new Applied(old == null ? ApplyResult.Outcome.NEW_HOST : ApplyResult.Outcome.UPDATED, now, changes);
    }

    /**
     * The state of these reports (each host's newest), built for a start-up: every report is compacted first, then
     * the hosts go into the ordered indexes in key order, and into the last-seen index in last-seen order. Ascending
     * inserts keep a skip list's search path in cache, which makes rebuilding 100,000 hosts several times faster
     * than applying their reports one by one in the store's order.
     */
    static FleetState of(Stream<Report> reports) {
        FleetState s = new FleetState();
        HashMap<String, HostState> newest = new HashMap<>();
        reports.forEach(r -> newest.merge(r.host().id(), s.compact(r), (a, b) -> newer(b, a) ? b : a));
        List<HostState> ordered = new ArrayList<>(newest.values());
        ordered.sort(Comparator.comparing(HostState::key));
        for (HostState h : ordered) {
            s.count(h, +1);
            s.hosts.put(h.hostId(), h);
            s.byName.put(h.key(), h);
        }
        ordered.sort(BY_SEEN);
        s.bySeen.addAll(ordered);
        return s;
    }

    private static boolean newer(HostState candidate, HostState latest) {
        return newer(candidate.lastSeen(), candidate.reportId(), latest);
    }

    /** Later {@code finished_at} wins; on a tie, the greater report id (as text), so every order of applies agrees. */
    static boolean newer(Report report, HostState latest) {
        return newer(report.finishedAt(), report.reportId(), latest);
    }

    private static boolean newer(Instant finishedAt, UUID reportId, HostState latest) {
        int c = finishedAt.compareTo(latest.lastSeen());
        return c > 0 || c == 0 && reportId.toString().compareTo(latest.reportId().toString()) > 0;
    }

    private HostState compact(Report report) {
        List<Finding> findings = report.findings();
        int[] index = new int[findings.size()];
        int size = 0;
        HostStatus status = HostStatus.PASSING;
        for (int i = 0; i < index.length; i++) {
            Finding f = findings.get(i);
            index[i] = controls.intern(f).index;
            size = Math.max(size, index[i] + 1);
            status = HostStatus.worse(status, f.status(), f.severity());
        }
        byte[] statuses = new byte[size];
        for (int i = 0; i < index.length; i++) {
            statuses[index[i]] = HostState.code(findings.get(i).status());
        }
        Host h = report.host();
        OsInfo os = osNames.computeIfAbsent(h.os(), o -> o);
        return new HostState(HostKey.of(h.hostname(), h.id()), os, report.finishedAt(), report.reportId(),
                report.summary().score(), status, statuses);
    }

    /**
     * {@link #count} of the old state taken away and the new one added, without touching the failing-host sets of
     * controls that fail in both (a skip-list removal and insertion each: 5 % of ingest CPU when every set of the old
     * and the new state was touched).
     */
    private void replaceCounts(HostState old, HostState now) {
        boolean sameKey = old.key().equals(now.key());
        int size = Math.max(old.statuses().length, now.statuses().length);
        for (int i = 0; i < size; i++) {
            byte was = old.code(i);
            byte is = now.code(i);
            if (was == is && sameKey) {
                continue;
            }
            ControlTable.Control c = controls.at(i);
            if (was != HostState.ABSENT) {
                c.hosts.decrementAndGet(was - 1);
            }
            if (is != HostState.ABSENT) {
                c.hosts.incrementAndGet(is - 1);
            }
            if (old.fails(i) && !(now.fails(i) && sameKey)) {
                c.failing.remove(old.key());
            }
            if (now.fails(i) && !(old.fails(i) && sameKey)) {
                c.failing.add(now.key());
            }
        }
        count(old.status(), old.score(), -1);
        count(now.status(), now.score(), +1);
    }

    private void count(HostState h, int delta) {
        byte[] s = h.statuses();
        for (int i = 0; i < s.length; i++) {
            if (s[i] == HostState.ABSENT) {
                continue;
            }
            ControlTable.Control c = controls.at(i);
            c.hosts.addAndGet(s[i] - 1, delta);
            if (h.fails(i)) {
                if (delta > 0) {
                    c.failing.add(h.key());
                } else {
                    c.failing.remove(h.key());
                }
            }
        }
        count(h.status(), h.score(), delta);
    }

    private void count(HostStatus status, int score, int delta) {
        byStatus.addAndGet(status.ordinal(), delta);
        byBand.addAndGet(ScoreBand.of(score).ordinal(), delta);
    }

    /**
     * The replaced report, as far as the view remembers it: each control's status, with the title and
     * severity the fleet knows for it. Enough for {@link ReportDiff}, whose changes take their title,
     * severity and detail from the newer report (only a removed control shows this stand-in detail).
     */
    private Report rebuilt(HostState old, Host current) {
        List<Finding> findings = new ArrayList<>();
        byte[] s = old.statuses();
        for (int i = 0; i < s.length; i++) {
            if (s[i] != HostState.ABSENT) {
                ControlTable.Control c = controls.at(i);
                Status status = HostState.decode(s[i]);
                findings.add(new Finding(c.id, status, c.severity, c.title,
                        status + " in report " + old.reportId() + ".", null, null, 0));
            }
        }
        Host host = new Host(old.hostId(), old.key().hostname(), old.os(), current.arch());
        return Report.of(old.reportId(), host, new AgentInfo("unknown"), old.lastSeen(), old.lastSeen(), false, findings);
    }
}
