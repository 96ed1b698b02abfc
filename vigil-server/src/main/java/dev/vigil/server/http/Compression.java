package dev.vigil.server.http;

import dev.vigil.core.io.GzipBytes;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

import java.util.zip.Deflater;

/**
 * Gzip for clients that accept it, for bodies of at least {@link #MIN_SIZE} bytes (smaller ones gain little and cost
 * a deflate each), done by the routes themselves rather than by Jetty's GzipHandler, which wrapped every request
 * (about 1 µs of the 15 to 17 µs a cached answer costs, docs/benchmarks.md) for what few answers need: cached
 * responses bring their own gzip bytes, made once (see {@link ResponseCache.Entry}); the others (a stored report, a
 * history page, a diff, the metrics) are deflated per request. A gzip body's ETag is its identity one marked
 * {@code --gzip}, so that a cache holding both encodings tells them apart; a 304 answers either tag.
 */
final class Compression {

    static final int MIN_SIZE = 1024;
    /** What marks the ETag of a gzipped body (Jetty's convention). */
    static final String ETAG_SUFFIX = "--gzip";

    private Compression() {
    }

    /** Whether to send this body gzipped: large enough, and the client accepts gzip. */
    static boolean wanted(Request request, byte[] body) {
        return body.length >= MIN_SIZE && accepted(request);
    }

    /** Whether the request's Accept-Encoding accepts gzip (named, or by {@code *}, and not with q=0). */
    static boolean accepted(Request request) {
        for (HttpField f : request.getHeaders()) {
            if (f.getHeader() != HttpHeader.ACCEPT_ENCODING) {
                continue;
            }
            for (String coding : f.getValues()) {
                String[] parts = coding.split(";");
                String name = parts[0].strip();
                if ((name.equalsIgnoreCase("gzip") || name.equals("*")) && !refused(parts)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean refused(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip().replace(" ", "");
            if (p.matches("[qQ]=0(\\.0{0,3})?")) {
                return true;
            }
        }
        return false;
    }

    /** Bytes gzipped at the best compression: done once per cached body, so worth the extra time. */
    static byte[] gzip(byte[] bytes) {
        return GzipBytes.compress(bytes, Deflater.BEST_COMPRESSION);
    }

    /** Bytes gzipped at the default level, for a body sent once. */
    static byte[] gzipOnce(byte[] bytes) {
        return GzipBytes.compress(bytes, Deflater.DEFAULT_COMPRESSION);
    }
}
