package dev.vigil.server.fleet;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.report.OsFamily;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Status;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The fleet in memory: every host's latest report, compacted, and per-control counters kept up to
 * date on every {@link #apply}, so that fleet questions are answered without the store.
 *
 * <h2>Concurrency</h2>
 * Writers ({@link #apply}, {@link #rebuild}) take one lock, so they run one at a time; readers take no
 * lock and never wait. Host states are immutable and published through concurrent maps; a reader may see
 * the counters of an apply in progress, and agreement is restored when the apply returns. {@link #version()}
 * changes after every apply that changed the view, and only then: an HTTP layer can key cached bodies and
 * ETags on it (read the version before the data; a body tagged with an older version is at worst re-sent).
 *
 * <h2>Which report is a host's latest</h2>
 * The one with the latest {@code finished_at}; on a tie the greater report id (as text). Any order of
 * applies therefore ends in the same view, which is what {@link #rebuild} relies on.
 *
 * <h2>Costs</h2>
 * n hosts, C controls (about 30), k matches or stale hosts. Memory per host: one immutable state with a
 * byte per control, shared OS descriptions, and an entry in three maps (a few hundred bytes).
 * <ul>
 *   <li>{@link #apply}: O(C log n) (counters, the failing sets, the ordered indexes); plus the diff, O(C).</li>
 *   <li>{@link #summary}: O(C log C) for the top controls, plus O(k) to count stale hosts, from an index
 *       ordered by last seen.</li>
 *   <li>{@link #hosts}: O(log n) to find the cursor, then O(scanned): it walks the listing order (or, with
 *       {@code failing}, only the hosts failing that control) until the page is full. Selective filters
 *       other than {@code failing} ({@code q}, {@code os}, {@code status}, {@code stale}) may scan up to n.</li>
 *   <li>{@link #host}: O(C). {@link #controls}: O(C). {@link #control}: O(log n + limit).</li>
 * </ul>
 */
public final class FleetView {

    private final InstantSource clock;
    private final ReentrantLock writer = new ReentrantLock();
    private final AtomicLong version = new AtomicLong();
    private volatile FleetState state = new FleetState();

    /** An empty view; {@code clock} decides which hosts are stale. */
    public FleetView(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Applies one report: if it is newer than its host's latest, it becomes the latest and the result
     * carries the diff against the replaced report (its regressions are what got worse); otherwise the
     * view does not change.
     */
    public ApplyResult apply(Report report) {
        Objects.requireNonNull(report, "report");
        writer.lock();
        try {
            FleetState.Applied a = state.apply(report, true);
            long v = a.outcome().changed() ? version.incrementAndGet() : version.get();
            return new ApplyResult(a.outcome(), a.host().summary(), a.diff(), v);
        } finally {
            writer.unlock();
        }
    }

    /**
     * Replaces the whole view with one built from {@code reports} (at start: the latest report of each
     * host, though any reports in any order give the same view). Readers see the old view until the new
     * one is complete; the version changes once. Returns the number of hosts.
     */
    public int rebuild(Stream<Report> reports) {
        Objects.requireNonNull(reports, "reports");
        writer.lock();
        try {
            FleetState fresh = FleetState.of(reports);
            state = fresh;
            version.incrementAndGet();
            return fresh.hosts.size();
        } finally {
            writer.unlock();
        }
    }

    /** Changes after every apply or rebuild that changed the view. */
    public long version() {
        return version.get();
    }

    /** Hosts by status and score band, the controls failing on most hosts, and the stale hosts. */
    public FleetSummary summary(SummaryQuery query) {
        long v = version.get();
        FleetState s = state;
        Map<HostStatus, Integer> byStatus = new EnumMap<>(HostStatus.class);
        for (HostStatus hs : HostStatus.values()) {
            byStatus.put(hs, s.byStatus.get(hs.ordinal()));
        }
        Map<ScoreBand, Integer> bands = new EnumMap<>(ScoreBand.class);
        for (ScoreBand b : ScoreBand.values()) {
            bands.put(b, s.byBand.get(b.ordinal()));
        }
        List<ControlFailures> top = s.controls.all().stream()
                .map(c -> new ControlFailures(c.id, c.hosts.get(Status.FAIL.ordinal())))
                .filter(c -> c.failingHosts() > 0)
                .sorted(Comparator.comparingInt(ControlFailures::failingHosts).reversed()
                        .thenComparing(ControlFailures::control))
                .limit(query.topControls())
                .toList();
        Instant cutoff = clock.instant().minus(query.staleAfter());
        int stale = 0;
        List<HostSummary> stalest = new ArrayList<>();
        for (HostState h : s.bySeen) {
            if (!h.lastSeen().isBefore(cutoff)) {
                break;
            }
            stale++;
            if (stalest.size() < query.staleLimit()) {
                stalest.add(h.summary());
            }
        }
        return new FleetSummary(v, s.hosts.size(), byStatus, bands, top, stale, stalest);
    }

    /** One page of the hosts matching every filter of the query, in listing order (see {@link HostPage}). */
    public HostPage hosts(HostQuery query) {
        long v = version.get();
        return hosts(query, state, v);
    }

    private HostPage hosts(HostQuery query, FleetState s, long v) {
        Optional<HostKey> after = query.cursor().map(HostKey::fromCursor);
        Iterator<HostState> source;
        Predicate<HostState> match = filter(query, s);
        if (query.failing().isPresent()) {
            Optional<ControlTable.Control> c = s.controls.find(query.failing().get());
            if (c.isEmpty()) {
                return new HostPage(List.of(), Optional.empty(), v);
            }
            source = failing(s, c.get(), after);
        } else {
            source = after.map(k -> s.byName.tailMap(k, false)).orElse(s.byName).values().iterator();
        }
        List<HostSummary> page = new ArrayList<>();
        HostKey last = null;
        while (page.size() < query.limit() && source.hasNext()) {
            HostState h = source.next();
            if (match.test(h)) {
                page.add(h.summary());
                last = h.key();
            }
        }
        // a full page may be followed by an empty one: looking further could scan the whole fleet
        Optional<String> next = page.size() == query.limit() ? Optional.of(last.cursor()) : Optional.empty();
        return new HostPage(page, next, v);
    }

    /** One host's latest state, with the status of each control. */
    public Optional<HostDetail> host(String hostId) {
        FleetState s = state;
        HostState h = s.hosts.get(hostId);
        if (h == null) {
            return Optional.empty();
        }
        Map<String, Status> controls = new java.util.LinkedHashMap<>();
        byte[] codes = h.statuses();
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] != HostState.ABSENT) {
                controls.put(s.controls.at(i).id, HostState.decode(codes[i]));
            }
        }
        return Optional.of(new HostDetail(h.summary(), controls));
    }

    /** Every control of the catalog, in catalog order, with hosts by status (zeros for a control no host reported). */
    public List<ControlCounts> controls(Catalog catalog) {
        FleetState s = state;
        List<ControlCounts> out = new ArrayList<>();
        for (CatalogEntry e : catalog.entries()) {
            out.add(new ControlCounts(e, counts(s, e.id())));
        }
        return out;
    }

    /**
     * One control: hosts by status and a page of the hosts failing it. A control no host reported has
     * zero counts; whether it exists at all is the catalog's business.
     */
    public ControlDetail control(String controlId, int limit, Optional<String> cursor) {
        long v = version.get();
        FleetState s = state;
        HostPage failing = hosts(HostQuery.all().withFailing(controlId).withLimit(limit).withCursor(cursor), s, v);
        return new ControlDetail(controlId, counts(s, controlId), failing);
    }

    private static StatusCounts counts(FleetState s, String controlId) {
        return s.controls.find(controlId).map(ControlTable.Control::counts)
                .orElse(new StatusCounts(0, 0, 0, 0, 0));
    }

    private Predicate<HostState> filter(HostQuery q, FleetState s) {
        Predicate<HostState> p = h -> true;
        if (q.os().isPresent()) {
            OsFamily family = q.os().get();
            p = p.and(h -> h.os().family() == family);
        }
        if (q.status().isPresent()) {
            HostStatus status = q.status().get();
            p = p.and(h -> h.status() == status);
        }
        if (q.failing().isPresent()) {
            int index = s.controls.find(q.failing().get()).map(c -> c.index).orElse(-1);
            p = p.and(h -> index >= 0 && h.fails(index));
        }
        if (q.q().isPresent()) {
            String text = q.q().get().toLowerCase(Locale.ROOT);
            p = p.and(h -> h.key().folded().contains(text));
        }
        if (q.stale().isPresent()) {
            Instant cutoff = clock.instant().minus(q.stale().get());
            p = p.and(h -> h.lastSeen().isBefore(cutoff));
        }
        return p;
    }

    /** The current states of the hosts in a control's failing set, after the cursor. */
    private static Iterator<HostState> failing(FleetState s, ControlTable.Control c, Optional<HostKey> after) {
        Iterator<HostKey> keys = after.map(k -> c.failing.tailSet(k, false)).orElse(c.failing).iterator();
        return new Iterator<>() {
            private HostState next = advance();

            private HostState advance() {
                while (keys.hasNext()) {
                    HostKey k = keys.next();
                    HostState h = s.hosts.get(k.hostId());
                    if (h != null && h.key().equals(k)) {
                        return h;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public HostState next() {
                if (next == null) {
                    throw new java.util.NoSuchElementException();
                }
                HostState h = next;
                next = advance();
                return h;
            }
        };
    }
}
