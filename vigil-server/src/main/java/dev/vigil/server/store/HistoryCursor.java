package dev.vigil.server.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * The position after the last entry of a history page: its finish time and report id, the keys history is ordered
 * by. Opaque to clients (base64url), so the encoding may change.
 */
record HistoryCursor(Instant finishedAt, UUID reportId) {

    String encode() {
        String plain = SqlTime.format(finishedAt) + "|" + reportId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static HistoryCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("no separator");
            }
            return new HistoryCursor(SqlTime.parse(plain.substring(0, bar)), UUID.fromString(plain.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("cursor '" + cursor + "' is not one this store issued", e);
        }
    }
}
