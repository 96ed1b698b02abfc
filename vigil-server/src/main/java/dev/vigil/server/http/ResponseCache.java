package dev.vigil.server.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rendered bodies of hot GET responses, keyed by rendition (representation and colour), path and query, valid
 * for one fleet version (and, for answers that depend on the time, one minute). A strong ETag is a hash of the
 * bytes, so equal bodies have equal tags across versions and restarts, and each rendition has its own.
 *
 * <p>Bounded crudely: past {@link #MAX_ENTRIES} distinct keys the whole cache is dropped, which keeps memory
 * flat under a client walking many distinct queries without the bookkeeping of an LRU on the hot path.
 */
final class ResponseCache {

    static final int MAX_ENTRIES = 4096;

    /**
     * A cached body, with its gzip encoding made on first demand and kept beside it, so that serving gzip from the
     * cache costs no deflate per request. The gzip ETag follows Jetty's convention ({@code "tag--gzip"}). Each
     * encoding keeps its header fields encoded once, as Jetty would otherwise encode them for every answer.
     */
    static final class Entry {
        final long version;
        final long minute;
        final Renderers.Rendered body;
        private final String etag;
        private final String gzipEtag;
        final HttpField contentType;
        final Encoded identity;
        private volatile Encoded gzipped; // a race computes it twice, harmlessly

        Entry(long version, long minute, Renderers.Rendered body, String etag) {
            this.version = version;
            this.minute = minute;
            this.body = body;
            this.etag = etag;
            this.gzipEtag = etag.substring(0, etag.length() - 1) + Compression.ETAG_SUFFIX + '"';
            this.contentType = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, body.contentType());
            this.identity = new Encoded(body.bytes(), etag);
        }

        /** Whether an If-None-Match header names this body's tag in either encoding (a 304 answers both). */
        boolean matchedBy(String ifNoneMatch) {
            return ifNoneMatch != null && (matches(ifNoneMatch, etag) || matches(ifNoneMatch, gzipEtag));
        }

        /** Whether the gzip encoding has been made (else {@link #gzipped} deflates, which may take a while). */
        boolean hasGzipped() {
            return gzipped != null;
        }

        Encoded gzipped() {
            Encoded g = gzipped;
            if (g == null) {
                g = new Encoded(Compression.gzip(body.bytes()), gzipEtag);
                gzipped = g;
            }
            return g;
        }
    }

    /** One encoding of a cached body, with its ETag and Content-Length fields. */
    record Encoded(byte[] bytes, HttpField etag, HttpField contentLength) {
        Encoded(byte[] bytes, String etag) {
            this(bytes, new PreEncodedHttpField(HttpHeader.ETAG, etag),
                    new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, Integer.toString(bytes.length)));
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    Optional<Entry> get(String key, long version, long minute) {
        Entry e = entries.get(key);
        return e != null && e.version == version && e.minute == minute ? Optional.of(e) : Optional.empty();
    }

    Entry put(String key, long version, long minute, Renderers.Rendered body) {
        Entry e = new Entry(version, minute, body, etag(body.bytes()));
        if (entries.size() >= MAX_ENTRIES && !entries.containsKey(key)) {
            entries.clear();
        }
        entries.put(key, e);
        return e;
    }

    static String etag(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return '"' + HexFormat.of().formatHex(d, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether an If-None-Match header value names this tag (weak comparison, as RFC 9110 asks for GET). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String t : ifNoneMatch.split(",")) {
            String tag = t.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    static String key(Rendition r, String path, String query) {
        return r.key() + ' ' + path + (query == null || query.isEmpty() ? "" : "?" + query);
    }
}
