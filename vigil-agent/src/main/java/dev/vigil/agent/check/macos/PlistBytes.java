package dev.vigil.agent.check.macos;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Restores the exact bytes of a binary property list that reached the check as text.
 *
 * <p>Design note: the probe reads files as text, decoding them as UTF-8, or as ISO-8859-1 when the bytes are
 * not valid UTF-8. A binary plist is almost never valid UTF-8 (its offset table and object markers hold
 * bytes 0x80-0xFF in places UTF-8 forbids), so it arrives ISO-8859-1-decoded, and encoding the text again
 * with ISO-8859-1 gives back the exact bytes. But that decoding is not one-to-one: a plist that happens to be
 * valid UTF-8 arrives UTF-8-decoded, and its text can equal the ISO-8859-1 text of other bytes (bytes
 * {@code C3 A9} and byte {@code E9} both become "é"). So both encodings are tried, and a candidate is
 * accepted only when its structure proves it whole: the {@code bplist} magic, and a trailer whose offset
 * table ends exactly where the trailer begins, with every object offset inside the object area. Bytes of the
 * wrong length cannot pass that test unless their last 32 bytes happen to form a consistent trailer.
 */
public final class PlistBytes {

    private static final int TRAILER = 32;
    private static final byte[] MAGIC = "bplist".getBytes(StandardCharsets.US_ASCII);

    private PlistBytes() {
    }

    /** Whether {@code text} starts like a binary property list. */
    public static boolean looksBinary(String text) {
        return text.startsWith("bplist");
    }

    /** The bytes of the binary plist {@code text} was decoded from, when they can be restored with certainty. */
    public static Optional<byte[]> restore(String text) {
        List<byte[]> candidates = new ArrayList<>();
        if (text.chars().allMatch(c -> c <= 0xFF)) {
            candidates.add(text.getBytes(StandardCharsets.ISO_8859_1));
        }
        if (text.indexOf('\uFFFD') < 0) {
            candidates.add(text.getBytes(StandardCharsets.UTF_8));
        }
        return candidates.stream().filter(PlistBytes::wellFormed).findFirst();
    }

    /** Whether {@code b} is a binary plist whose trailer and offset table agree with its length. */
    static boolean wellFormed(byte[] b) {
        if (b.length < MAGIC.length + 2 + TRAILER || !Arrays.equals(b, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return false;
        }
        int t = b.length - TRAILER;
        int offsetSize = b[t + 6] & 0xFF;
        int refSize = b[t + 7] & 0xFF;
        long objects = be(b, t + 8, 8);
        long top = be(b, t + 16, 8);
        long table = be(b, t + 24, 8);
        if (offsetSize < 1 || offsetSize > 8 || refSize < 1 || refSize > 8 || objects < 1 || top < 0 || top >= objects
                || table < 8 || objects > (Long.MAX_VALUE - table) / offsetSize || table + objects * offsetSize != t) {
            return false;
        }
        for (long i = 0; i < objects; i++) {
            long offset = be(b, (int) (table + i * offsetSize), offsetSize);
            if (offset < 8 || offset >= table) {
                return false;
            }
        }
        return true;
    }

    private static long be(byte[] b, int from, int length) {
        long v = 0;
        for (int i = 0; i < length; i++) {
            v = (v << 8) | (b[from + i] & 0xFF);
        }
        return v;
    }
}
