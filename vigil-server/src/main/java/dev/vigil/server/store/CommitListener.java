package dev.vigil.server.store;

/**
 * Told about every batch the store's writer ran, for metrics. Called on the writer thread before the batch's
 * callers are answered, so it must be fast and must not block; what it throws is logged and ignored.
 */
public interface CommitListener {

    /** Listens to nothing. */
    CommitListener NONE = new CommitListener() {
        @Override
        public void committed(int writes, long nanos) {
        }

        @Override
        public void failed(int writes, long nanos) {
        }
    };

    /**
     * A batch committed.
     *
     * @param writes the writes in the batch (each from one caller)
     * @param nanos  the time spent running and committing the batch
     */
    void committed(int writes, long nanos);

    /** A batch failed and was rolled back; every write in it failed. */
    void failed(int writes, long nanos);
}
