package dev.vigil.server.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as fixed-width ISO-8601 UTC text with nanoseconds, e.g. {@code 2026-11-25T10:00:00.000000000Z}:
 * readable in the database, lossless, and ordered correctly by plain text comparison (which the variable-width
 * {@link Instant#toString()} is not).
 */
final class SqlTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private SqlTime() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    static Instant parse(String text) {
        return Instant.parse(text);
    }
}
