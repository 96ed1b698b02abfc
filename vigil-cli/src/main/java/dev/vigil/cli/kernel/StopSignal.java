package dev.vigil.cli.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT, caught so that the kernel stops gracefully and the process exits 0. Left to the JVM, a
 * signal would run the shutdown hooks and then exit with 128 + the signal's number. A second signal while the
 * first is being handled stops at once (committed reports are safe: each was durable before its reply).
 */
final class StopSignal implements AutoCloseable {

    private static final String[] NAMES = {"TERM", "INT"};

    private final CountDownLatch received = new CountDownLatch(1);
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private volatile String name = "";

    private StopSignal() {
    }

    /** Catches SIGTERM and SIGINT (those the platform has) until {@link #close}. */
    static StopSignal install() {
        StopSignal stop = new StopSignal();
        for (String n : NAMES) {
            try {
                Signal signal = new Signal(n);
                stop.previous.put(signal, Signal.handle(signal, stop::handle));
            } catch (IllegalArgumentException unavailable) {
                // this platform has no such signal, or the JVM keeps it (-Xrs): the shutdown hook still closes
            }
        }
        return stop;
    }

    private void handle(Signal signal) {
        if (received.getCount() == 0) {
            Runtime.getRuntime().halt(128 + signal.getNumber());
        }
        name = "SIG" + signal.getName();
        received.countDown();
    }

    /** Waits for a signal; returns its name, e.g. {@code SIGTERM}. */
    String await() throws InterruptedException {
        received.await();
        return name;
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
