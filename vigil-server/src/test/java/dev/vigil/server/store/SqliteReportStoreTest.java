package dev.vigil.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.json.ReportCodec;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteReportStoreTest {

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
    void readsBackAnIngestedReportWithItsJsonVerbatim() {
        Report report = TestData.report("h1", 0, Status.FAIL);
        byte[] json = ReportCodec.instance().write(report).getBytes(StandardCharsets.UTF_8);

        IngestResult result = store.ingest(report, json);
        StoredReport stored = store.report(report.reportId()).orElseThrow();

        assertThat(result.kind()).isEqualTo(IngestResult.Kind.STORED);
        assertThat(result.hostId()).isEqualTo("h1");
        assertThat(result.score()).isEqualTo(report.summary().score());
        assertThat(result.receivedAt()).isEqualTo(clock.instant());
        assertThat(result.previous()).isEmpty();
        assertThat(stored.json()).isEqualTo(new String(json, StandardCharsets.UTF_8));
        assertThat(stored.report()).isEqualTo(report);
        assertThat(stored.entry()).isEqualTo(new ReportEntry(result.seq(), report.reportId(), "h1", clock.instant(),
                report.startedAt(), report.finishedAt(), report.summary().score()));
        assertThat(store.report(UUID.randomUUID())).isEmpty();
    }

    @Test
    void retryOfTheSameReportIdReturnsTheSameResultAsADuplicateAndStoresOnce() throws SQLException {
        Report report = TestData.report("h1", 0);
        IngestResult first = store.ingest(report);
        clock.advance(Duration.ofMinutes(5));

        IngestResult retry = store.ingest(report);

        assertThat(retry.kind()).isEqualTo(IngestResult.Kind.DUPLICATE);
        assertThat(retry).isEqualTo(first.asDuplicate());
        assertThat(TestData.count(dir, "SELECT count(*) FROM reports")).isEqualTo(1);
    }

    @Test
    void historyIsNewestAuditFirstAndPagesWithTheCursor() {
        for (int minutes : new int[] {10, 20, 30, 40}) {
            store.ingest(TestData.report("h1", minutes));
        }
        store.ingest(TestData.report("h1", 5)); // delivered late from an outbox: oldest audit, newest arrival
        store.ingest(TestData.report("h2", 50));

        List<Integer> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        List<Integer> pageSizes = new ArrayList<>();
        do {
            HistoryPage page = store.history("h1", 2, cursor);
            pageSizes.add(page.entries().size());
            page.entries().forEach(e -> seen.add((int) Duration.between(dev.vigil.core.testing.Reports.T0, e.finishedAt()).toMinutes()));
            cursor = page.next();
        } while (cursor.isPresent());

        assertThat(seen).containsExactly(40, 30, 20, 10, 5);
        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(store.history("h1", 5, Optional.empty()).next()).as("an exactly full last page").isEmpty();
        assertThat(store.history("nobody", 10, Optional.empty()).entries()).isEmpty();
    }

    @Test
    void historyRejectsACursorItDidNotIssueAndAnOutOfRangeLimit() {
        assertThatThrownBy(() -> store.history("h1", 10, Optional.of("not-a-cursor")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not-a-cursor");
        assertThatThrownBy(() -> store.history("h1", 0, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit 0");
    }

    @Test
    void latestHoldsEachHostsNewestAuditEvenWhenAnOlderOneArrivesLater() {
        store.ingest(TestData.report("h1", 10));
        store.ingest(TestData.report("h1", 30, Status.FAIL));
        store.ingest(TestData.report("h2", 20));
        store.ingest(TestData.report("h1", 20)); // late
        store.ingest(TestData.report("h3", 1));
        store.ingest(TestData.report("h3", 2));

        Map<String, UUID> latest = new HashMap<>();
        store.latest(r -> latest.put(r.entry().hostId(), r.report().reportId()));

        assertThat(latest).containsOnly(
                Map.entry("h1", TestData.report("h1", 30, Status.FAIL).reportId()),
                Map.entry("h2", TestData.report("h2", 20).reportId()),
                Map.entry("h3", TestData.report("h3", 2).reportId()));
    }

    @Test
    void twoReportsFinishedAtTheSameInstantAgreeWithTheFleetViewWhateverTheirOrder() {
        Report first = TestData.report("h1", 10, Status.PASS);
        Report second = TestData.report("h1", 10, Status.FAIL);
        Report greater = first.reportId().toString().compareTo(second.reportId().toString()) > 0 ? first : second;

        store.ingest(first);
        store.ingest(second);
        List<UUID> latest = new ArrayList<>();
        store.latest(r -> latest.add(r.entry().reportId()));
        assertThat(latest).containsExactly(greater.reportId());

        store.close();
        store = SqliteReportStore.open(dir.resolve("reversed"), clock);
        store.ingest(second);
        store.ingest(first);
        latest.clear();
        store.latest(r -> latest.add(r.entry().reportId()));
        assertThat(latest).containsExactly(greater.reportId());
    }

    @Test
    void historyAndPreviousOrderATieAsTheLatestIsPickedWhateverTheArrival() {
        Report older = TestData.report("h1", 5);
        Report a = TestData.report("h1", 10, Status.PASS);
        Report b = TestData.report("h1", 10, Status.FAIL);
        Report greater = a.reportId().toString().compareTo(b.reportId().toString()) > 0 ? a : b;
        Report lesser = greater == a ? b : a;
        List<UUID> expected = List.of(greater.reportId(), lesser.reportId(), older.reportId());

        store.ingest(older);
        assertThat(store.ingest(greater).previous()).contains(older.reportId());
        assertThat(store.ingest(lesser).previous()).as("arrived last, yet below the greater id")
                .contains(older.reportId());
        assertThat(historyIds(3)).containsExactlyElementsOf(expected);
        assertThat(historyIds(1)).as("paged across the tie").containsExactlyElementsOf(expected);

        store.close();
        store = SqliteReportStore.open(dir.resolve("reversed"), clock);
        store.ingest(older);
        assertThat(store.ingest(lesser).previous()).contains(older.reportId());
        assertThat(store.ingest(greater).previous()).contains(lesser.reportId());
        assertThat(historyIds(3)).containsExactlyElementsOf(expected);
        assertThat(historyIds(1)).containsExactlyElementsOf(expected);
        List<UUID> latest = new ArrayList<>();
        store.latest(r -> latest.add(r.entry().reportId()));
        assertThat(latest).as("the first of the history").containsExactly(greater.reportId());
    }

    private List<UUID> historyIds(int pageSize) {
        List<UUID> ids = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            HistoryPage page = store.history("h1", pageSize, cursor);
            page.entries().forEach(e -> ids.add(e.reportId()));
            cursor = page.next();
        } while (cursor.isPresent());
        return ids;
    }

    @Test
    void latestDigestsAgreeWithTheLatestFullReports() {
        store.ingest(TestData.report("h1", 10));
        store.ingest(TestData.report("h1", 30, Status.FAIL));
        store.ingest(TestData.report("h2", 20));
        store.ingest(TestData.report("h1", 20)); // late: not the latest, so not its digest either

        Map<UUID, Report> full = new HashMap<>();
        store.latest(r -> full.put(r.entry().reportId(), r.report()));
        Map<UUID, Report> digests = new HashMap<>();
        store.latestDigests(r -> digests.put(r.reportId(), r));

        assertThat(digests.keySet()).isEqualTo(full.keySet());
        digests.forEach((id, d) -> {
            assertThat(d.host()).isEqualTo(full.get(id).host());
            assertThat(d.finishedAt()).isEqualTo(full.get(id).finishedAt());
            assertThat(d.summary()).isEqualTo(full.get(id).summary());
        });
    }

    @Test
    void anyReportsDigestGivesItsStatusesAndSummary() {
        Report report = TestData.report("h1", 10, Status.FAIL);
        store.ingest(report);

        Report digest = store.digest(report.reportId()).orElseThrow();

        assertThat(digest.summary()).isEqualTo(report.summary());
        assertThat(digest.findings()).extracting(f -> f.control() + "=" + f.status())
                .isEqualTo(report.findings().stream().map(f -> f.control() + "=" + f.status()).toList());
        assertThat(store.digest(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aStoreWrittenBeforeDigestsIsMigratedAndItsHostsStillRebuild() throws SQLException {
        Report report = TestData.report("h1", 10, Status.FAIL);
        store.ingest(report);
        store.close();
        try (Connection c = StoreFile.connect(dir.resolve(StoreFile.FILE_NAME)); Statement s = c.createStatement()) {
            // what a version-1 store holds: no digests, history indexed by arrival on a tie
            s.execute("DROP TABLE digests");
            s.execute("DROP INDEX reports_host_order");
            s.execute("CREATE INDEX reports_host_history ON reports (host_id, finished_at, seq)");
            s.execute("DELETE FROM schema_version WHERE version > 1");
        }

        store = SqliteReportStore.open(dir, clock);

        assertThat(store.outcome().message()).contains("migrated from version 1");
        List<Report> rebuilt = new ArrayList<>();
        store.latestDigests(rebuilt::add);
        assertThat(rebuilt).containsExactly(report);
        assertThat(store.digest(report.reportId())).contains(report);
        assertThat(store.history("h1", 10, Optional.empty()).entries()).extracting(ReportEntry::reportId)
                .containsExactly(report.reportId());
    }

    @Test
    void ingestNamesTheHostsPreviousReportForRegressions() {
        Report first = TestData.report("h1", 10);
        Report second = TestData.report("h1", 20);
        store.ingest(first);

        IngestResult result = store.ingest(second);

        assertThat(result.previous()).contains(first.reportId());
        assertThat(store.ingest(second).previous()).as("the retry too").contains(first.reportId());
    }

    @Test
    void keepsReportsLatestCatalogAndTokensAcrossARestart() {
        Report report = TestData.report("h1", 10);
        IngestResult stored = store.ingest(report);
        NewToken token = store.createToken("ci", Scope.REPORT_WRITE);
        store.close();

        store = SqliteReportStore.open(dir, clock);

        assertThat(store.outcome().kind()).isEqualTo(OpenOutcome.Kind.OPENED);
        assertThat(store.report(report.reportId()).orElseThrow().report()).isEqualTo(report);
        List<UUID> latest = new ArrayList<>();
        store.latest(r -> latest.add(r.entry().reportId()));
        assertThat(latest).containsExactly(report.reportId());
        assertThat(store.catalog().entries()).isEqualTo(Catalog.bundled().entries());
        assertThat(store.authenticate(token.token())).contains(token.info());
        assertThat(store.ingest(report)).isEqualTo(stored.asDuplicate());
    }

    @Test
    void aNewStoreIsCreatedAndSeededWithTheBundledCatalog() {
        assertThat(store.outcome().kind()).isEqualTo(OpenOutcome.Kind.CREATED);
        assertThat(store.outcome().message()).contains("seeded the catalog");
        assertThat(store.catalog().entries()).isEqualTo(Catalog.bundled().entries());
    }

    @Test
    void seedingTheCatalogReplacesItWithoutTouchingReports() throws SQLException {
        Report report = TestData.report("h1", 10);
        store.ingest(report);
        List<dev.vigil.core.catalog.CatalogEntry> two = Catalog.bundled().entries().subList(0, 2);

        store.seedCatalog(Catalog.of(List.of(two.get(1), two.get(0))));

        assertThat(store.catalog().entries()).containsExactly(two.get(1), two.get(0));
        assertThat(store.report(report.reportId())).isPresent();
        assertThat(TestData.count(dir, "SELECT count(*) FROM latest")).isEqualTo(1);

        store.seedCatalog(Catalog.bundled());
        assertThat(store.catalog().entries()).isEqualTo(Catalog.bundled().entries());
    }

    @Test
    void reportsAreAppendOnly() throws SQLException {
        store.ingest(TestData.report("h1", 10));
        try (Connection c = StoreFile.connect(dir.resolve(StoreFile.FILE_NAME)); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE reports SET score = 0"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void writesAfterCloseAreRefused() {
        store.close();
        assertThatThrownBy(() -> store.ingest(TestData.report("h1", 1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.catalog()).isInstanceOf(IllegalStateException.class);
    }
}
