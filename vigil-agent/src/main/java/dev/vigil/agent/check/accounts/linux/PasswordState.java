package dev.vigil.agent.check.accounts.linux;

/** What a password field (after redaction) says about logging in with a password. */
public enum PasswordState {
    /** Empty: no password is needed. */
    EMPTY,
    /** {@code x}: the password is in the shadow file. */
    IN_SHADOW,
    /** Starts with {@code !} or {@code *}: password login is locked or impossible. */
    LOCKED,
    /** A password hash. */
    SET;

    /** Classifies a password field, redacted or not. */
    public static PasswordState of(String field) {
        if (field.isEmpty()) {
            return EMPTY;
        }
        if (field.equals("x")) {
            return IN_SHADOW;
        }
        char c = field.charAt(0);
        return c == '!' || c == '*' ? LOCKED : SET;
    }
}
