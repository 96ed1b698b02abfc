package dev.vigil.server;

import java.util.function.BooleanSupplier;

/** Polling for something another thread or process makes true, for tests of "within about a second". */
public final class Waiting {

    private Waiting() {
    }

    /** How many milliseconds until the condition held, polling every 10 ms; fails after 5 s. */
    public static long millisUntil(BooleanSupplier condition) {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > 5_000_000_000L) {
                throw new AssertionError("condition not met within 5 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
