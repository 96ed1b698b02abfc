package dev.vigil.agent.check.network.linux;

import dev.vigil.agent.check.network.Listener;
import java.util.Objects;

/**
 * A row of {@code /proc/net/tcp*}: the listener, and its socket inode, by which the owning process is found.
 */
record Socket(Listener listener, long inode) {

    Socket {
        Objects.requireNonNull(listener, "listener");
    }
}
