package dev.vigil.server.store;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The active tokens in memory, by hash, so that authenticating a request reads no table.
 *
 * <p>Freshness. This process's own creates and revokes {@link #invalidate} the snapshot once they have committed,
 * so they count from the next request. Another process writing the same file (e.g. {@code vigil token revoke}
 * while the kernel runs) is noticed through SQLite's {@code PRAGMA data_version}, which changes whenever another
 * connection commits: it is read at most every {@link #RECHECK}, for known and unknown tokens alike (a revoke or a
 * create elsewhere takes effect within a tenth of a second, while a flood of bad tokens costs at most ten version
 * reads a second). When the version changed, the whole tokens table is read again: it is small, and ingests change
 * the version too, so this happens at most ten times a second under load. Checking the version costs a few
 * microseconds; reading the table on every request held the store's single reader connection for each
 * authenticated call. While one request refreshes the snapshot, the others keep using the one they have rather than
 * wait behind it (and behind the store's reader, which a history read may hold): requests that answer from the
 * response cache run on the thread that parsed them and must not wait.
 *
 * <p>Process tokens ({@link #addProcessToken}) live in the snapshot beside the stored ones, so they are checked by
 * the very same look-up, but they exist only in this object.
 */
final class TokenCache {

    static final Duration RECHECK = Duration.ofMillis(100);

    /** Where the tokens come from: the store's reader connection. */
    interface Source {
        /** A number that changes whenever another connection committed to the database. */
        long version();

        /** Every active token with its hash. */
        List<TokenRows.Active> active();
    }

    private record Snapshot(Map<ByteBuffer, TokenRows.Active> byHash, long version, long checkedAt) {
        Optional<TokenInfo> find(byte[] hash) {
            TokenRows.Active a = byHash.get(ByteBuffer.wrap(hash));
            return a != null && MessageDigest.isEqual(a.hash(), hash) ? Optional.of(a.info()) : Optional.empty();
        }
    }

    private final Source source;
    private final LongSupplier nanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<ByteBuffer, TokenRows.Active> processTokens = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot; // null: read the table on next use

    TokenCache(Source source, LongSupplier nanos) {
        this.source = source;
        this.nanos = nanos;
    }

    /** The active token with this SHA-256 hash, compared in constant time. */
    Optional<TokenInfo> find(byte[] hash) {
        return current().find(hash);
    }

    /** Adds a token known to this process only (never stored); it authenticates from the next request on. */
    void addProcessToken(TokenRows.Active token) {
        processTokens.put(ByteBuffer.wrap(token.hash()), token);
        invalidate();
    }

    /** Removes a process token: look-ups that start after this returns no longer find it. */
    void removeProcessToken(byte[] hash) {
        processTokens.remove(ByteBuffer.wrap(hash));
        invalidate();
    }

    /** Forgets the snapshot; call after this process committed a change to the tokens. */
    void invalidate() {
        lock.lock();
        try {
            snapshot = null;
        } finally {
            lock.unlock();
        }
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && nanos.getAsLong() - s.checkedAt() < RECHECK.toNanos()) {
            return s;
        }
        if (s != null && !lock.tryLock()) {
            return s; // another request is refreshing it
        }
        if (s == null) {
            lock.lock();
        }
        // under the lock, so that an invalidation never lands between reading the table and installing what was read
        try {
            s = snapshot;
            long now = nanos.getAsLong();
            if (s != null && now - s.checkedAt() < RECHECK.toNanos()) {
                return s;
            }
            long version = source.version(); // before the rows: a commit in between shows as a change next time
            if (s == null || s.version() != version) {
                Map<ByteBuffer, TokenRows.Active> byHash = new HashMap<>();
                for (TokenRows.Active a : source.active()) {
                    byHash.put(ByteBuffer.wrap(a.hash()), a);
                }
                byHash.putAll(processTokens);
                // one map class whatever the count (Map.copyOf's differs for 1 and for more tokens, and the JIT
                // recompiled every token check when the warm-up's own two tokens left the map)
                s = new Snapshot(Collections.unmodifiableMap(byHash), version, now);
            } else {
                s = new Snapshot(s.byHash(), version, now);
            }
            snapshot = s;
            return s;
        } finally {
            lock.unlock();
        }
    }
}
