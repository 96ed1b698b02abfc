package dev.vigil.server.store;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The token cache against a counting source and a clock the test moves. */
class TokenCacheTest {

    final AtomicLong nanos = new AtomicLong();
    final List<TokenRows.Active> rows = new ArrayList<>();
    long version = 1;
    int versionReads;
    int tableReads;

    final TokenCache cache = new TokenCache(new TokenCache.Source() {
        @Override
        public long version() {
            versionReads++;
            return version;
        }

        @Override
        public List<TokenRows.Active> active() {
            tableReads++;
            return List.copyOf(rows);
        }
    }, nanos::get);

    static TokenRows.Active token(String plain, String id) {
        return new TokenRows.Active(TokenSecrets.hash(plain),
                new TokenInfo(id, "t-" + id, Scope.FLEET_READ, Instant.EPOCH, TokenSecrets.last4(plain), Optional.empty()));
    }

    void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void aKnownTokenIsAnsweredFromMemoryUntilTheRecheckIsDue() {
        rows.add(token("vigil_one", "1"));
        assertThat(cache.find(TokenSecrets.hash("vigil_one"))).map(TokenInfo::id).hasValue("1");
        for (int i = 0; i < 100; i++) {
            assertThat(cache.find(TokenSecrets.hash("vigil_one"))).isPresent();
        }
        assertThat(tableReads).isEqualTo(1);
        assertThat(versionReads).isEqualTo(1);
    }

    @Test
    void anUnchangedVersionKeepsTheSnapshotAndAChangedOneRereadsTheTable() {
        rows.add(token("vigil_one", "1"));
        cache.find(TokenSecrets.hash("vigil_one"));
        advance(TokenCache.RECHECK);
        cache.find(TokenSecrets.hash("vigil_one"));
        assertThat(versionReads).isEqualTo(2);
        assertThat(tableReads).isEqualTo(1);

        rows.clear(); // revoked by another process
        version++;
        assertThat(cache.find(TokenSecrets.hash("vigil_one"))).as("not due yet").isPresent();
        advance(TokenCache.RECHECK);
        assertThat(cache.find(TokenSecrets.hash("vigil_one"))).isEmpty();
        assertThat(tableReads).isEqualTo(2);
    }

    @Test
    void anUnknownTokenRechecksTheVersionAtMostEveryMissRecheck() {
        cache.find(TokenSecrets.hash("vigil_nobody"));
        int reads = versionReads;
        for (int i = 0; i < 1000; i++) {
            assertThat(cache.find(TokenSecrets.hash("vigil_nobody"))).isEmpty();
        }
        assertThat(versionReads).isEqualTo(reads);

        rows.add(token("vigil_new", "2")); // created by another process
        version++;
        advance(TokenCache.RECHECK);
        assertThat(cache.find(TokenSecrets.hash("vigil_new"))).map(TokenInfo::id).hasValue("2");
    }

    @Test
    void invalidatingRereadsTheTableOnTheNextLookup() {
        rows.add(token("vigil_one", "1"));
        cache.find(TokenSecrets.hash("vigil_one"));
        rows.clear(); // revoked by this process: the version this connection sees may not even change
        cache.invalidate();
        assertThat(cache.find(TokenSecrets.hash("vigil_one"))).isEmpty();
        assertThat(tableReads).isEqualTo(2);
    }
}
