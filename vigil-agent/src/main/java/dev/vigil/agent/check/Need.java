package dev.vigil.agent.check;

import dev.vigil.core.report.OsFamily;

/** Preconditions a check can declare; the runner's one gate checks them and says why a check was not run. */
public enum Need {
    /** Root or administrator privileges: without them the answer would be a guess. */
    ELEVATED("requires root"),
    /** A running system: commands, /proc and sockets say nothing about a mounted file system. */
    LIVE_SYSTEM("needs a running system, not a mounted file system (--root)");

    private final String reason;

    Need(String reason) {
        this.reason = reason;
    }

    /** The reason given in an UNKNOWN finding when this need is unmet. */
    public String reason() {
        return reason;
    }

    /** The reason in the words of the platform: Windows speaks of administrators, not root. */
    public String reason(OsFamily family) {
        return this == ELEVATED && family == OsFamily.WINDOWS ? "requires administrator" : reason;
    }
}
