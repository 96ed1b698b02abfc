package dev.vigil.core.report;

/** The outcome of one control on one host. Serialized in uppercase, as named here. */
public enum Status {
    /** The control is satisfied. */
    PASS,
    /** The control is violated. */
    FAIL,
    /** Partly satisfied or at risk, for example encryption still in progress. */
    WARN,
    /** Could not be decided; the finding's detail says why. */
    UNKNOWN,
    /** The control does not apply to this host, for example SSH settings without an SSH server. */
    NOT_APPLICABLE;

    /** Whether this status says something about the control, as opposed to UNKNOWN or NOT_APPLICABLE. */
    public boolean decided() {
        return this == PASS || this == FAIL || this == WARN;
    }
}
