package dev.vigil.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReportIdsTest {

    @Test
    void anIdIsAVersion7UuidCarryingTheMillisecondItWasMadeIn() {
        Instant at = Instant.parse("2026-11-26T06:00:00.123Z");
        UUID id = new ReportIds(InstantSource.fixed(at), new SplittableRandom(1)).get();

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(at.toEpochMilli(), id.getMostSignificantBits() >>> 16);
        // RFC 9562's layout, as text: the first 12 hex digits are the millisecond, then the version digit
        assertTrue(id.toString().startsWith(String.format("%08x-%04x-7", at.toEpochMilli() >>> 16,
                at.toEpochMilli() & 0xFFFF)), id.toString());
    }

    @Test
    void idsOfOneMillisecondDifferAndLaterIdsSortAfterEarlierOnesAsText() {
        Instant at = Instant.parse("2026-11-26T06:00:00Z");
        SplittableRandom random = new SplittableRandom(2);
        Set<UUID> sameMillisecond = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            sameMillisecond.add(new ReportIds(InstantSource.fixed(at), random).get());
        }
        assertEquals(10_000, sameMillisecond.size());

        String earlier = new ReportIds(InstantSource.fixed(at), random).get().toString();
        String later = new ReportIds(InstantSource.fixed(at.plusMillis(1)), random).get().toString();
        assertTrue(earlier.compareTo(later) < 0, earlier + " then " + later);
        assertNotEquals(earlier.substring(0, 13), later.substring(0, 13));
    }
}
