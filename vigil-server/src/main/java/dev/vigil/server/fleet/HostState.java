package dev.vigil.server.fleet;

import dev.vigil.core.report.OsInfo;
import dev.vigil.core.report.Status;
import java.time.Instant;
import java.util.UUID;

/**
 * A host's latest report, compacted: one byte per control (indexed by {@link ControlTable}), 0 for a
 * control the report lacks, else {@code 1 + Status.ordinal()}. Immutable once published; the array is
 * never written after construction.
 */
record HostState(HostKey key, OsInfo os, Instant lastSeen, UUID reportId, int score, HostStatus status,
                 byte[] statuses) {

    static final byte ABSENT = 0;

    static byte code(Status s) {
        return (byte) (s.ordinal() + 1);
    }

    static Status decode(byte code) {
        return STATUSES[code - 1];
    }

    private static final Status[] STATUSES = Status.values();

    String hostId() {
        return key.hostId();
    }

    /** The code of control {@code index}, {@link #ABSENT} when the report lacks it. */
    byte code(int index) {
        return index < statuses.length ? statuses[index] : ABSENT;
    }

    boolean fails(int index) {
        return code(index) == code(Status.FAIL);
    }

    StatusCounts counts() {
        int[] n = new int[STATUSES.length];
        for (byte c : statuses) {
            if (c != ABSENT) {
                n[c - 1]++;
            }
        }
        return StatusCounts.of(n);
    }

    HostSummary summary() {
        return new HostSummary(key.hostId(), key.hostname(), os, lastSeen, reportId, score, status, counts());
    }
}
