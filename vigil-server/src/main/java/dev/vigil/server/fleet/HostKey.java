package dev.vigil.server.fleet;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.Locale;

/**
 * A host's place in the listing order: hostname ignoring case, then hostname, then host id.
 * {@code folded} is the lowercase hostname, kept for sorting and for the {@code q} filter; it is the
 * hostname instance itself when that is already lowercase, so it usually costs nothing.
 */
record HostKey(String folded, String hostname, String hostId) implements Comparable<HostKey> {

    private static final Comparator<HostKey> ORDER = Comparator.comparing(HostKey::folded)
            .thenComparing(HostKey::hostname).thenComparing(HostKey::hostId);

    static HostKey of(String hostname, String hostId) {
        return new HostKey(hostname.toLowerCase(Locale.ROOT), hostname, hostId);
    }

    @Override
    public int compareTo(HostKey other) {
        return ORDER.compare(this, other);
    }

    /** An opaque cursor naming this position: base64url of the length-prefixed hostname and host id. */
    String cursor() {
        byte[] name = hostname.getBytes(StandardCharsets.UTF_8);
        byte[] id = hostId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + name.length + id.length);
        b.putInt(name.length).put(name).putInt(id.length).put(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** The position a cursor names; IllegalArgumentException when the text is not such a cursor. */
    static HostKey fromCursor(String cursor) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor));
            String name = text(b);
            String id = text(b);
            if (b.hasRemaining()) {
                throw new IllegalArgumentException("trailing bytes");
            }
            return of(name, id);
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("cursor '" + abbreviate(cursor) + "' is not a cursor this server issued", e);
        }
    }

    private static String text(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) {
            throw new IllegalArgumentException("bad length " + n);
        }
        byte[] bytes = new byte[n];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
