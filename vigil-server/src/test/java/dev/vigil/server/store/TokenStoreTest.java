package dev.vigil.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.Waiting;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {

    @TempDir
    Path dir;
    final TestData.TestClock clock = new TestData.TestClock();
    SqliteReportStore store;

    @BeforeEach
    void open() {
        store = SqliteReportStore.open(dir, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aCreatedTokenAuthenticatesWithItsScope() {
        NewToken created = store.createToken("laptops", Scope.REPORT_WRITE);

        assertThat(created.token()).startsWith("vigil_").hasSize("vigil_".length() + 43);
        assertThat(store.authenticate(created.token())).contains(created.info());
        assertThat(created.info().scope().permits(Scope.REPORT_WRITE)).isTrue();
        assertThat(created.info().scope().permits(Scope.FLEET_READ)).isFalse();
    }

    @Test
    void aProcessTokenAuthenticatesUntilClosedAndIsNeverStoredOrListed() throws Exception {
        NewToken stored = store.createToken("laptops", Scope.REPORT_WRITE);
        ProcessToken process = store.processToken(Scope.FLEET_READ);

        assertThat(store.authenticate(process.token())).hasValueSatisfying(info -> {
            assertThat(info.scope()).isEqualTo(Scope.FLEET_READ);
            assertThat(info.active()).isTrue();
        });
        assertThat(store.authenticate(stored.token())).contains(stored.info());
        assertThat(store.tokens()).containsExactly(stored.info());
        try (Connection c = StoreFile.connect(dir.resolve(StoreFile.FILE_NAME)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM tokens")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        assertThat(process.toString()).doesNotContain(process.token());

        process.close();

        assertThat(store.authenticate(process.token())).isEmpty();
        assertThat(store.authenticate(stored.token())).contains(stored.info());
    }

    @Test
    void theDatabaseHoldsOnlyTheHashAndTheLastFourCharacters() throws Exception {
        NewToken created = store.createToken("laptops", Scope.ADMIN);
        String secretPart = created.token().substring(TokenSecrets.PREFIX.length());

        List<String> cells = new ArrayList<>();
        try (Connection c = StoreFile.connect(dir.resolve(StoreFile.FILE_NAME)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM tokens")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    cells.add(v instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : String.valueOf(v));
                }
            }
        }
        store.close();

        assertThat(cells).isNotEmpty().noneMatch(cell -> cell.contains(secretPart.substring(0, 8)));
        assertThat(cells).contains(created.info().last4());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(secretPart.substring(0, 8));
            }
        }
    }

    @Test
    void aRevokedTokenNoLongerAuthenticates() {
        NewToken created = store.createToken("old", Scope.FLEET_READ);

        assertThat(store.revokeToken(created.info().id())).isTrue();

        assertThat(store.authenticate(created.token())).isEmpty();
        assertThat(store.revokeToken(created.info().id())).as("already revoked").isFalse();
        assertThat(store.revokeToken("no-such-id")).isFalse();
        assertThat(store.tokens()).singleElement().satisfies(t -> {
            assertThat(t.active()).isFalse();
            assertThat(t.revokedAt()).contains(clock.instant());
        });
    }

    @Test
    void aRevokeThroughThisStoreCountsAtOnceEvenForACachedToken() {
        NewToken created = store.createToken("old", Scope.FLEET_READ);
        assertThat(store.authenticate(created.token())).isPresent();

        store.revokeToken(created.info().id());

        assertThat(store.authenticate(created.token())).isEmpty();
    }

    @Test
    void aRevokeOrCreateByAnotherProcessCountsWithinAboutASecond() {
        NewToken created = store.createToken("old", Scope.FLEET_READ);
        assertThat(store.authenticate(created.token())).isPresent();
        try (SqliteReportStore other = SqliteReportStore.open(dir, clock)) { // as `vigil token` would, beside the kernel
            NewToken fresh = other.createToken("new", Scope.ADMIN);
            assertThat(other.revokeToken(created.info().id())).isTrue();

            long revokedAfter = Waiting.millisUntil(() -> store.authenticate(created.token()).isEmpty());
            long createdAfter = Waiting.millisUntil(() -> store.authenticate(fresh.token()).isPresent());

            assertThat(revokedAfter).isLessThanOrEqualTo(TokenCache.RECHECK.toMillis() + 500);
            assertThat(createdAfter).isLessThanOrEqualTo(TokenCache.RECHECK.toMillis() + 500);
        }
    }

    @Test
    void aWrongTokenIsRejected() {
        NewToken created = store.createToken("ci", Scope.REPORT_WRITE);
        String token = created.token();
        char last = token.charAt(token.length() - 1);
        String oneCharOff = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(store.authenticate(oneCharOff)).isEmpty();
        assertThat(store.authenticate(token + "x")).isEmpty();
        assertThat(store.authenticate("")).isEmpty();
        assertThat(store.authenticate(null)).isEmpty();
    }

    @Test
    void theListShowsNameScopeCreationAndLastFourButNeverTheToken() {
        NewToken a = store.createToken("ci", Scope.REPORT_WRITE);
        clock.advance(java.time.Duration.ofSeconds(1));
        NewToken b = store.createToken("dashboard", Scope.FLEET_READ);

        assertThat(store.tokens()).containsExactly(a.info(), b.info());
        assertThat(store.tokens().getFirst().last4()).isEqualTo(a.token().substring(a.token().length() - 4));
        assertThat(store.tokens().getFirst().createdAt()).isEqualTo(clock.instant().minusSeconds(1));
        assertThat(a.toString()).doesNotContain(a.token());
    }

    @Test
    void hashesAreUniqueAcrossTokens() throws SQLException {
        for (int i = 0; i < 20; i++) {
            store.createToken("t" + i, Scope.FLEET_READ);
        }
        assertThat(TestData.count(dir, "SELECT count(DISTINCT hash) FROM tokens")).isEqualTo(20);
    }
}
