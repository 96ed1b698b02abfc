package dev.vigil.server.http;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses a request body sent with {@code Content-Encoding: gzip}: exactly one gzip member (RFC 1952) and
 * nothing after it, checked against its CRC-32 and length, and never inflated beyond a limit (a few KB of gzip can
 * hold gigabytes of zeros). The kernel stores those same bytes as the report's compressed body, so they must be
 * clean: one member, no trailing data.
 */
final class GzipMember {

    /** The body is not one valid gzip member; the message says what is wrong with it. */
    static final class InvalidException extends Exception {
        InvalidException(String message) {
            super(message);
        }
    }

    /** The body decompresses to more than the limit. */
    static final class TooLargeException extends Exception {
        TooLargeException(long limit) {
            super("more than " + limit + " bytes once decompressed");
        }
    }

    private static final int FHCRC = 0x02;
    private static final int FEXTRA = 0x04;
    private static final int FNAME = 0x08;
    private static final int FCOMMENT = 0x10;
    private static final int RESERVED = 0xE0;
    private static final int TRAILER = 8;

    private GzipMember() {
    }

    /** The decompressed bytes of {@code member}, at most {@code limit} of them. */
    static byte[] inflate(byte[] member, long limit) throws InvalidException, TooLargeException {
        int at = dataStart(member);
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(member, at, member.length - at);
            int cap = (int) Math.min(limit + 1, Integer.MAX_VALUE - 8);
            byte[] out = new byte[(int) Math.min(cap, Math.max(1024L, member.length * 4L))];
            int n = 0;
            while (!inflater.finished()) {
                if (n == out.length) {
                    if (out.length >= cap) {
                        throw new TooLargeException(limit);
                    }
                    out = Arrays.copyOf(out, (int) Math.min(cap, out.length * 2L));
                }
                int got = inflater.inflate(out, n, out.length - n);
                n += got;
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new InvalidException("the gzip data ends before its last block");
                }
            }
            if (n > limit) {
                throw new TooLargeException(limit);
            }
            checkTrailer(member, member.length - inflater.getRemaining(), out, n);
            return n == out.length ? out : Arrays.copyOf(out, n);
        } catch (DataFormatException e) {
            throw new InvalidException("the gzip data is corrupt (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }

    /** Where the deflate data begins, after the header and its optional fields. */
    private static int dataStart(byte[] b) throws InvalidException {
        if (b.length < 10 || (b[0] & 0xff) != 0x1f || (b[1] & 0xff) != 0x8b) {
            throw new InvalidException("the body does not start with a gzip header");
        }
        if (b[2] != 8) {
            throw new InvalidException("the gzip member uses compression method " + b[2] + ", not deflate (8)");
        }
        int flags = b[3] & 0xff;
        if ((flags & RESERVED) != 0) {
            throw new InvalidException("the gzip header sets reserved flags");
        }
        int at = 10;
        if ((flags & FEXTRA) != 0) {
            int extra = (b[need(b, at, 2)] & 0xff) | (b[at + 1] & 0xff) << 8;
            at = need(b, at + 2, extra) + extra;
        }
        if ((flags & FNAME) != 0) {
            at = afterZero(b, at);
        }
        if ((flags & FCOMMENT) != 0) {
            at = afterZero(b, at);
        }
        if ((flags & FHCRC) != 0) {
            at = need(b, at, 2) + 2;
        }
        return at;
    }

    private static int need(byte[] b, int at, int count) throws InvalidException {
        if (at + count > b.length) {
            throw new InvalidException("the gzip header is cut short");
        }
        return at;
    }

    private static int afterZero(byte[] b, int at) throws InvalidException {
        for (int i = at; i < b.length; i++) {
            if (b[i] == 0) {
                return i + 1;
            }
        }
        throw new InvalidException("the gzip header is cut short");
    }

    private static void checkTrailer(byte[] member, int at, byte[] data, int length) throws InvalidException {
        int left = member.length - at;
        if (left < TRAILER) {
            throw new InvalidException("the gzip member ends without its CRC-32 and length");
        }
        if (left > TRAILER) {
            throw new InvalidException((left - TRAILER) + " bytes follow the gzip member; send exactly one");
        }
        CRC32 crc = new CRC32();
        crc.update(data, 0, length);
        if (readIntLE(member, at) != (int) crc.getValue()) {
            throw new InvalidException("the gzip member's CRC-32 does not match its data");
        }
        if (readIntLE(member, at + 4) != length) {
            throw new InvalidException("the gzip member's length field does not match its data");
        }
    }

    private static int readIntLE(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }
}
