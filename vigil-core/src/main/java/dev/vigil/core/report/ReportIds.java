package dev.vigil.core.report;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Report ids as UUID version 7 (RFC 9562 §5.7): the audit's millisecond, then 74 random bits. Ids that grow with time
 * land next to each other in a store's report-id index, where random (version 4) ids dirty a page of it anywhere
 * for every report stored.
 */
public final class ReportIds implements Supplier<UUID> {

    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;

    private final InstantSource clock;
    private final RandomGenerator random;

    public ReportIds(InstantSource clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    /** Ids from the system clock and a secure random source, as {@link UUID#randomUUID()} uses. */
    public static ReportIds system() {
        return new ReportIds(InstantSource.system(), new SecureRandom());
    }

    @Override
    public UUID get() {
        long millis = clock.millis() & 0xFFFF_FFFF_FFFFL;
        long high = millis << 16 | VERSION_7 | random.nextInt(0x1000);
        long low = random.nextLong() >>> 2 | VARIANT_RFC;
        return new UUID(high, low);
    }
}
