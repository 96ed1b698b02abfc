package dev.vigil.server.fleet;

import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Severity;
import dev.vigil.core.report.Status;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Interned control ids with their fleet counters. Each id seen in a report gets a small index, in the
 * order first seen, that hosts use to store their statuses in a byte array.
 *
 * <p>Only the single writer (under the view's lock) adds controls; it publishes the grown array before
 * the id's index, so a reader that finds an index always finds its control.
 */
final class ControlTable {

    /** One control: its counters over the latest reports, and the hosts failing it. */
    static final class Control {
        final int index;
        final String id;
        volatile String title;
        volatile Severity severity;
        /** Hosts by this control's status, indexed by {@link Status#ordinal()}. */
        final AtomicIntegerArray hosts = new AtomicIntegerArray(Status.values().length);
        final ConcurrentSkipListSet<HostKey> failing = new ConcurrentSkipListSet<>();

        private Control(int index, String id) {
            this.index = index;
            this.id = id;
        }

        StatusCounts counts() {
            int[] n = new int[hosts.length()];
            for (int i = 0; i < n.length; i++) {
                n[i] = hosts.get(i);
            }
            return StatusCounts.of(n);
        }
    }

    private final Map<String, Integer> index = new ConcurrentHashMap<>();
    private volatile Control[] controls = new Control[0];

    /** The control of a finding, added if new; its title and severity follow the latest finding. Writer only. */
    Control intern(Finding f) {
        Integer i = index.get(f.control());
        Control c;
        if (i != null) {
            c = controls[i];
        } else {
            Control[] grown = Arrays.copyOf(controls, controls.length + 1);
            c = new Control(controls.length, f.control());
            grown[c.index] = c;
            controls = grown;
            index.put(c.id, c.index);
        }
        c.title = f.title();
        c.severity = f.severity();
        return c;
    }

    Optional<Control> find(String id) {
        Integer i = index.get(id);
        return i == null ? Optional.empty() : Optional.of(controls[i]);
    }

    /** Every control so far, by index. */
    List<Control> all() {
        return List.of(controls);
    }

    Control at(int index) {
        return controls[index];
    }
}
