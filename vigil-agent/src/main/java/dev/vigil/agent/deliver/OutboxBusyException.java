package dev.vigil.agent.deliver;

import java.nio.file.Path;

/** Another agent holds the outbox's lock: two agents sending the same outbox would send reports twice. */
public final class OutboxBusyException extends RuntimeException {
    public OutboxBusyException(Path dir, String holder) {
        super("outbox in use by another agent" + (holder.isBlank() ? "" : " (process " + holder + ")") + ": " + dir
                + " is locked; stop the other agent or give --outbox another folder");
    }
}
