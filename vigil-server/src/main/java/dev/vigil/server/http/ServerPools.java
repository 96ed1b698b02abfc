package dev.vigil.server.http;

import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The threads and byte buffers of one kernel's HTTP servers: the warm-up's server runs on them and hands them on to
 * the server that listens. Fresh ones made the JIT throw away code it had compiled for the hottest paths as the
 * first clients came (a new thread's first gathering write, an empty buffer pool: branches the warm-up had only
 * taken while still interpreted), and compile it again while those clients waited.
 */
public record ServerPools(QueuedThreadPool threads, ByteBufferPool buffers) {

    /** Pools for one kernel, not started: the first server that uses them starts them. */
    public static ServerPools create() {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("vigil-http");
        threads.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("vigil-vt"));
        return new ServerPools(threads, new ArrayByteBufferPool());
    }

    /** A server on these pools that leaves the threads running when it stops, for the next one. */
    Server lending() {
        start();
        Server server = new Server(threads, null, buffers);
        server.unmanage(threads);
        return server;
    }

    /** A server on these pools that owns the threads from now on: they stop with it. */
    Server owning() {
        Server server = new Server(threads, null, buffers);
        server.manage(threads);
        return server;
    }

    private void start() {
        if (threads.isRunning()) {
            return;
        }
        try {
            threads.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP threads: " + e.getMessage(), e);
        }
    }
}
