package dev.vigil.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.report.Report;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batching is made deterministic by holding the writer inside a first write until every ingest is queued:
 * no timing is assumed anywhere.
 */
class GroupCommitTest {

    static final int MAX_BATCH = 64;

    @TempDir
    Path dir;
    SqliteReportStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    /** What the writer told its listener: the writes of each committed batch, and each batch's time. */
    static final class Batches implements CommitListener {
        final List<Integer> committed = Collections.synchronizedList(new ArrayList<>());
        final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> failed = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void committed(int writes, long n) {
            committed.add(writes);
            nanos.add(n);
        }

        @Override
        public void failed(int writes, long n) {
            failed.add(writes);
        }

        int writes() {
            return committed.stream().mapToInt(Integer::intValue).sum();
        }
    }

    @Test
    void concurrentIngestsAllLandExactlyOnceInFewCommits() throws Exception {
        Batches batches = new Batches();
        store = SqliteReportStore.open(dir, new TestData.TestClock(), MAX_BATCH, batches);
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            reports.add(TestData.report("host-" + (i % 40), i));
        }

        List<IngestResult> results = ingestWhileWriterHeld(reports);

        assertThat(results).hasSize(200).allMatch(r -> r.kind() == IngestResult.Kind.STORED);
        assertThat(results).extracting(IngestResult::seq).doesNotHaveDuplicates();
        assertThat(TestData.count(dir, "SELECT count(*) FROM reports")).isEqualTo(200);
        assertThat(TestData.count(dir, "SELECT count(DISTINCT report_id) FROM reports")).isEqualTo(200);
        assertThat(TestData.count(dir, "SELECT count(*) FROM latest")).isEqualTo(40);
        // one commit for the holding write, then 200 queued writes in batches of at most MAX_BATCH
        assertThat(batches.committed).hasSizeLessThan(200).hasSize(1 + (200 + MAX_BATCH - 1) / MAX_BATCH);
        assertThat(batches.writes()).isEqualTo(201);
    }

    @Test
    void theCommitListenerHearsEveryCommittedBatchWithItsWrites() throws Exception {
        Batches batches = new Batches();
        store = SqliteReportStore.open(dir, new TestData.TestClock(), MAX_BATCH, batches);
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            reports.add(TestData.report("host-" + (i % 10), i));
        }

        ingestWhileWriterHeld(reports);

        // the holding write's batch, then 100 queued writes in batches of at most MAX_BATCH
        assertThat(batches.committed).hasSize(1 + (100 + MAX_BATCH - 1) / MAX_BATCH)
                .allSatisfy(b -> assertThat(b).isBetween(1, MAX_BATCH));
        assertThat(batches.writes()).isEqualTo(101);
        assertThat(batches.nanos).hasSameSizeAs(batches.committed).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(batches.failed).isEmpty();
    }

    @Test
    void aThrowingCommitListenerStopsNoWrite() throws Exception {
        store = SqliteReportStore.open(dir, new TestData.TestClock(), MAX_BATCH, new CommitListener() {
            @Override
            public void committed(int writes, long n) {
                throw new IllegalStateException("listener broken");
            }

            @Override
            public void failed(int writes, long n) {
                throw new IllegalStateException("listener broken");
            }
        });

        assertThat(store.ingest(TestData.report("a", 0)).kind()).isEqualTo(IngestResult.Kind.STORED);
        assertThat(store.ingest(TestData.report("b", 0)).kind()).isEqualTo(IngestResult.Kind.STORED);
        assertThat(TestData.count(dir, "SELECT count(*) FROM reports")).isEqualTo(2);
    }

    @Test
    void concurrentRetriesOfTheSameReportsAreStoredOnceAndAnsweredAlike() throws Exception {
        store = SqliteReportStore.open(dir, new TestData.TestClock(), MAX_BATCH);
        List<Report> reports = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Report r = TestData.report("host-" + (i % 10), i);
            reports.add(r);
            reports.add(r);
        }

        List<IngestResult> results = ingestWhileWriterHeld(reports);

        assertThat(results).filteredOn(r -> r.kind() == IngestResult.Kind.STORED).hasSize(100);
        assertThat(results).filteredOn(r -> r.kind() == IngestResult.Kind.DUPLICATE).hasSize(100);
        Set<IngestResult> distinct = ConcurrentHashMap.newKeySet();
        results.forEach(r -> distinct.add(r.kind() == IngestResult.Kind.DUPLICATE ? r : r.asDuplicate()));
        assertThat(distinct).as("a retry gets the original's values").hasSize(100);
        assertThat(TestData.count(dir, "SELECT count(*) FROM reports")).isEqualTo(100);
    }

    @Test
    void aFailingWriteFailsOnlyItsCallerAndTheBatchCommits() throws Exception {
        Batches batches = new Batches();
        store = SqliteReportStore.open(dir, new TestData.TestClock(), MAX_BATCH, batches);
        GroupCommitter writer = store.writer();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> holder = threads.submit(() -> writer.submit(hold(held, release)));
            held.await();
            Future<IngestResult> before = threads.submit(() -> store.ingest(TestData.report("h1", 1)));
            awaitQueued(writer, 1);
            Future<Object> failing = threads.submit(() -> writer.submit(c -> {
                c.connection().createStatement().executeUpdate("INSERT INTO latest (host_id, seq) VALUES ('x', 999999)");
                return null;
            }));
            awaitQueued(writer, 2);
            Future<IngestResult> after = threads.submit(() -> store.ingest(TestData.report("h2", 1)));
            awaitQueued(writer, 3);
            release.countDown();

            holder.get();
            assertThat(before.get().kind()).isEqualTo(IngestResult.Kind.STORED);
            assertThat(after.get().kind()).isEqualTo(IngestResult.Kind.STORED);
            assertThatThrownBy(failing::get).hasRootCauseInstanceOf(SQLException.class)
                    .hasMessageContaining("FOREIGN KEY");
        }
        assertThat(TestData.count(dir, "SELECT count(*) FROM reports")).isEqualTo(2);
        assertThat(TestData.count(dir, "SELECT count(*) FROM latest WHERE host_id = 'x'")).isZero();
        assertThat(batches.committed).as("the holding write's batch, then the three queued").containsExactly(1, 3);
        assertThat(batches.failed).isEmpty();
    }

    /**
     * Regression: the driver finalizes a statement whose step failed with a plain SQL error (not a constraint), so a
     * kept statement must not outlive a failed write.
     */
    @Test
    void aKeptStatementThatFailedIsPreparedAgainForTheNextWrite() throws Exception {
        store = SqliteReportStore.open(dir, new TestData.TestClock(), MAX_BATCH);
        GroupCommitter writer = store.writer();
        String sql = "SELECT abs(?)";

        assertThatThrownBy(() -> writer.submit(s -> absolute(s, sql, Long.MIN_VALUE)))
                .hasRootCauseInstanceOf(SQLException.class).hasMessageContaining("integer overflow");
        long after = writer.submit(s -> absolute(s, sql, -5));

        assertThat(after).isEqualTo(5);
        assertThat(store.ingest(TestData.report("h1", 1)).kind()).isEqualTo(IngestResult.Kind.STORED);
    }

    private static long absolute(Statements s, String sql, long value) throws SQLException {
        PreparedStatement p = s.prepare(sql);
        p.setLong(1, value);
        try (ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void closingCommitsEveryWriteQueuedBeforeIt() throws Exception {
        store = SqliteReportStore.open(dir, new TestData.TestClock(), MAX_BATCH);
        GroupCommitter writer = store.writer();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            threads.submit(() -> writer.submit(hold(held, release)));
            held.await();
            List<Future<IngestResult>> queued = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Report r = TestData.report("h", i);
                queued.add(threads.submit(() -> store.ingest(r)));
            }
            awaitQueued(writer, 10);
            Future<?> closing = threads.submit(() -> store.close());
            release.countDown();
            closing.get();
            for (Future<IngestResult> f : queued) {
                assertThat(f.get().kind()).isEqualTo(IngestResult.Kind.STORED);
            }
        }
        assertThat(TestData.count(dir, "SELECT count(*) FROM reports")).isEqualTo(10);
    }

    /** Holds the writer in a first write, queues every ingest from its own virtual thread, then lets go. */
    private List<IngestResult> ingestWhileWriterHeld(List<Report> reports) throws Exception {
        GroupCommitter writer = store.writer();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> holder = threads.submit(() -> writer.submit(hold(held, release)));
            held.await();
            List<Future<IngestResult>> futures = new ArrayList<>();
            for (Report r : reports) {
                futures.add(threads.submit(() -> store.ingest(r)));
            }
            awaitQueued(writer, reports.size());
            release.countDown();
            holder.get();
            List<IngestResult> results = new ArrayList<>();
            for (Future<IngestResult> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }

    /** A write that signals it is running and then blocks the writer until released. */
    private static GroupCommitter.Work<Void> hold(CountDownLatch held, CountDownLatch release) {
        return c -> {
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return null;
        };
    }

    private static void awaitQueued(GroupCommitter writer, int n) {
        while (writer.queued() < n) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
