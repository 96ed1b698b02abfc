package dev.vigil.cli.kernel;

import dev.vigil.server.store.OpenOutcome;
import java.io.PrintWriter;

/** Says on stderr how a store was opened: loudly when it was damaged and moved aside. */
final class StoreOutcomes {

    private StoreOutcomes() {
    }

    /**
     * A recovered store gets a banner; a created one a line when {@code created} is true (the kernel logs it
     * itself); an ordinary open nothing.
     */
    static void report(OpenOutcome outcome, PrintWriter err, boolean created) {
        switch (outcome.kind()) {
            case RECOVERED -> {
                err.println("vigil: ************************************************************************");
                err.println("vigil: THE STORE WAS DAMAGED. It was moved aside (nothing deleted) and a fresh, empty");
                err.println("vigil: store started in its place. Reports in the damaged file are NOT served.");
                err.println("vigil: " + outcome.message());
                err.println("vigil: moved aside: " + outcome.movedAside());
                err.println("vigil: ************************************************************************");
            }
            case CREATED -> {
                if (created) {
                    err.println("vigil: " + outcome.message());
                }
            }
            case OPENED -> {
                // nothing to say
            }
        }
        err.flush();
    }
}
