package dev.vigil.server.http;

import dev.vigil.core.io.GzipBytes;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;

import java.util.zip.Deflater;

/**
 * Gzip for clients that accept it, on the API's own media types above {@link #MIN_SIZE} bytes (smaller bodies
 * gain little and cost a deflate each). Jetty's handler marks a compressed body's ETag with {@code --gzip} and
 * strips that mark from If-None-Match before the routes compare it, so 304s work for both encodings. Cached
 * responses bring their own gzip bytes (see {@link ResponseCache.Entry}) and pass through the handler untouched,
 * since they already carry a Content-Encoding.
 */
final class Compression {

    static final int MIN_SIZE = 1024;
    /** What Jetty appends to the ETag of a gzipped body. */
    static final String ETAG_SUFFIX = "--gzip";

    private Compression() {
    }

    /** Whether the request's Accept-Encoding accepts gzip (named, or by {@code *}, and not with q=0). */
    static boolean accepted(Request request) {
        for (HttpField f : request.getHeaders().getFields(HttpHeader.ACCEPT_ENCODING)) {
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

    static GzipHandler gzip(Handler next) {
        GzipHandler gzip = new GzipHandler(next);
        gzip.setMinGzipSize(MIN_SIZE);
        gzip.setIncludedMethods("GET", "POST");
        gzip.setIncludedMimeTypes("application/json", "application/problem+json", "application/schema+json",
                "text/plain", "text/html");
        return gzip;
    }
}
