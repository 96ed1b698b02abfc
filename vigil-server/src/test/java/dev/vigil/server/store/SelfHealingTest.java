package dev.vigil.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.catalog.Catalog;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfHealingTest {

    @TempDir
    Path dir;
    final TestData.TestClock clock = new TestData.TestClock();

    @Test
    void aFileOfGarbageIsMovedAsideWithItsWalAndShmAndAFreshStoreStarts() throws IOException {
        byte[] garbage = new byte[64 * 1024];
        new Random(42).nextBytes(garbage);
        Files.write(db(), garbage);
        Files.write(dir.resolve("vigil.db-wal"), new byte[] {1, 2, 3});
        Files.write(dir.resolve("vigil.db-shm"), new byte[] {4, 5, 6});

        try (SqliteReportStore store = SqliteReportStore.open(dir, clock)) {
            OpenOutcome outcome = store.outcome();
            assertThat(outcome.kind()).isEqualTo(OpenOutcome.Kind.RECOVERED);
            assertThat(outcome.movedAside()).extracting(p -> p.getFileName().toString()).containsExactly(
                    "vigil.db.damaged-20261126T080000Z",
                    "vigil.db.damaged-20261126T080000Z-wal",
                    "vigil.db.damaged-20261126T080000Z-shm");
            assertThat(outcome.message()).contains("STORE DAMAGED", "vigil.db.damaged-20261126T080000Z", "seeded");
            assertThat(Files.readAllBytes(outcome.movedAside().getFirst())).isEqualTo(garbage);
            assertHealthy(store);
        }
    }

    @Test
    void aTruncatedDatabaseIsMovedAsideAndAFreshStoreStarts() throws IOException {
        try (SqliteReportStore store = SqliteReportStore.open(dir, clock)) {
            for (int i = 0; i < 300; i++) {
                store.ingest(TestData.report("host-" + (i % 30), i));
            }
        }
        long size = Files.size(db());
        try (FileChannel ch = FileChannel.open(db(), StandardOpenOption.WRITE)) {
            ch.truncate(size / 2);
        }

        try (SqliteReportStore store = SqliteReportStore.open(dir, clock)) {
            assertThat(store.outcome().kind()).as(store.outcome().message()).isEqualTo(OpenOutcome.Kind.RECOVERED);
            assertThat(Files.size(store.outcome().movedAside().getFirst())).isEqualTo(size / 2);
            assertHealthy(store);
        }
    }

    @Test
    void aSecondRecoveryInTheSameSecondDoesNotOverwriteTheFirst() throws IOException {
        Files.write(db(), "first garbage, long enough to be more than a header of a database".repeat(2).getBytes());
        SqliteReportStore.open(dir, clock).close();
        Files.write(db(), "second garbage, long enough to be more than a header of a database".repeat(2).getBytes());

        try (SqliteReportStore store = SqliteReportStore.open(dir, clock)) {
            assertThat(store.outcome().movedAside().getFirst().getFileName().toString())
                    .isEqualTo("vigil.db.damaged-20261126T080000Z-2");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains("vigil.db.damaged-20261126T080000Z", "vigil.db.damaged-20261126T080000Z-2");
        }
    }

    @Test
    void aStoreFromANewerVersionIsRefusedAndLeftInPlace() throws SQLException, IOException {
        SqliteReportStore.open(dir, clock).close();
        try (Connection c = StoreFile.connect(db()); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO schema_version (version, applied_at) VALUES (99, 'later')");
        }

        assertThatThrownBy(() -> SqliteReportStore.open(dir, clock))
                .isInstanceOf(StoreException.class).hasMessageContaining("version 99");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("damaged"));
        }
    }

    @Test
    void anEmptyCatalogInAnExistingStoreIsSeededAgain() throws SQLException {
        SqliteReportStore.open(dir, clock).close();
        try (Connection c = StoreFile.connect(db()); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM catalog");
        }

        try (SqliteReportStore store = SqliteReportStore.open(dir, clock)) {
            assertThat(store.outcome().kind()).isEqualTo(OpenOutcome.Kind.OPENED);
            assertThat(store.outcome().message()).contains("seeded");
            assertThat(store.catalog().entries()).isEqualTo(Catalog.bundled().entries());
        }
    }

    private static void assertHealthy(SqliteReportStore store) {
        assertThat(store.catalog().entries()).isEqualTo(Catalog.bundled().entries());
        IngestResult result = store.ingest(TestData.report("h1", 1));
        assertThat(store.report(result.reportId())).isPresent();
    }

    private Path db() {
        return dir.resolve(StoreFile.FILE_NAME);
    }
}
