package dev.vigil.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Bytes gzip-compressed in memory: one gzip member (RFC 1952), as {@link GZIPOutputStream} writes it. */
public final class GzipBytes {

    private GzipBytes() {
    }

    /** {@code bytes} compressed at a {@link java.util.zip.Deflater} level (0-9, or -1 for zlib's default). */
    public static byte[] compress(byte[] bytes, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(level);
            }
        }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory failed", e);
        }
        return out.toByteArray();
    }
}
