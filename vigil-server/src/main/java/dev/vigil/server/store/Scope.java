package dev.vigil.server.store;

/** What an API token may do. */
public enum Scope {
    /** Submit reports. */
    REPORT_WRITE("report:write"),
    /** Read fleet state. */
    FLEET_READ("fleet:read"),
    /** Everything, including token management. */
    ADMIN("admin");

    private final String id;

    Scope(String id) {
        this.id = id;
    }

    /** The scope as tokens and the API spell it, e.g. {@code report:write}. */
    public String id() {
        return id;
    }

    /** Whether a token of this scope may do what {@code required} allows; admin may do anything. */
    public boolean permits(Scope required) {
        return this == ADMIN || this == required;
    }

    /** The scope spelled {@code id}. */
    public static Scope of(String id) {
        for (Scope s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + id + "', expected report:write, fleet:read or admin");
    }
}
