package dev.vigil.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: one writer thread owns the write connection and runs queued writes in batches, one transaction
 * per batch, so that many concurrent writers share one fsync.
 *
 * <p>The writer takes the first queued write, then whatever else is queued up to the batch size, and runs each
 * write inside a savepoint: a write that fails is rolled back alone and fails only its caller. Callers block
 * until the batch's COMMIT returned, so an acknowledged write is durable. Closing lets every write queued before
 * it finish and commit.
 *
 * <p>The writer keeps its connection's prepared statements ({@link Statements}), its own and those of the writes,
 * from batch to batch; a failed write or batch drops them, to be prepared again.
 */
final class GroupCommitter implements AutoCloseable {

    /** One write, run on the writer thread inside the batch's transaction, with the writer's statements. */
    @FunctionalInterface
    interface Work<T> {
        T run(Statements s) throws SQLException;
    }

    private record Pending<T>(Work<T> work, CompletableFuture<T> done) {
    }

    private static final Pending<Void> STOP = new Pending<>(c -> null, new CompletableFuture<>());

    private static final System.Logger LOG = System.getLogger(GroupCommitter.class.getName());

    private final Statements statements;
    private final int maxBatch;
    private final CommitListener listener;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final ReentrantLock state = new ReentrantLock();
    private final Thread thread;
    private boolean closed;

    GroupCommitter(Connection connection, int maxBatch, CommitListener listener) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("batch size " + maxBatch + " must be at least 1");
        }
        this.statements = new Statements(connection);
        this.maxBatch = maxBatch;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.thread = Thread.ofPlatform().name("vigil-store-writer").start(this::loop);
    }

    /** Runs the work in the next batch and returns its result once the batch has committed. */
    <T> T submit(Work<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        state.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the store is closed");
            }
            queue.add(new Pending<>(work, done));
        } finally {
            state.unlock();
        }
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a commit (the write may still commit)", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new StoreException("write failed: " + cause.getMessage(), cause);
        }
    }

    /** Writes waiting for the writer (for tests). */
    int queued() {
        return queue.size();
    }

    @Override
    public void close() {
        state.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        } finally {
            state.unlock();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        List<Pending<?>> batch = new ArrayList<>(maxBatch);
        while (true) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only close() ends the writer, so that queued writes are never dropped
            }
            queue.drainTo(batch, maxBatch - 1);
            int stop = batch.indexOf(STOP);
            List<Pending<?>> work = stop < 0 ? batch : batch.subList(0, stop);
            if (!work.isEmpty()) {
                runBatch(work);
            }
            if (stop >= 0) {
                statements.close();
                return; // close() queues STOP last, so nothing follows it
            }
        }
    }

    private void runBatch(List<Pending<?>> batch) {
        long start = System.nanoTime();
        List<Runnable> completions = new ArrayList<>(batch.size());
        try {
            run("BEGIN IMMEDIATE");
            try {
                for (Pending<?> p : batch) {
                    completions.add(runOne(p));
                }
                run("COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            statements.forget();
            StoreException failure = new StoreException("commit of " + batch.size() + " writes failed: " + e.getMessage(), e);
            tell(false, batch.size(), System.nanoTime() - start);
            batch.forEach(p -> p.done().completeExceptionally(failure));
            return;
        }
        long nanos = System.nanoTime() - start;
        tell(true, batch.size(), nanos);
        completions.forEach(Runnable::run);
    }

    /** A listener that throws must not stop the writer, which every write waits on. */
    private void tell(boolean committed, int batchSize, long nanos) {
        try {
            if (committed) {
                listener.committed(batchSize, nanos);
            } else {
                listener.failed(batchSize, nanos);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "commit listener failed", e);
        }
    }

    /** Runs one write in a savepoint; returns what completes its caller once the batch committed. */
    private <T> Runnable runOne(Pending<T> p) throws SQLException {
        run("SAVEPOINT write");
        try {
            T result = p.work().run(statements);
            run("RELEASE write");
            return () -> p.done().complete(result);
        } catch (SQLException | RuntimeException e) {
            statements.forget();
            run("ROLLBACK TO write");
            run("RELEASE write");
            return () -> p.done().completeExceptionally(e);
        }
    }

    private void run(String sql) throws SQLException {
        statements.prepare(sql).execute();
    }

    private void rollbackQuietly(Exception cause) {
        try {
            statements.forget();
            run("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
