package dev.vigil.agent.check.accounts.linux;

import dev.vigil.agent.probe.Redaction;

/**
 * Replaces the password field (the second, colon-separated) of every line of a passwd, shadow, group or gshadow
 * file with a marker, keeping what a check needs to classify it: an empty field stays empty, {@code x} (the hash
 * lives in the shadow file) stays, the lock prefixes {@code !} and {@code *} stay, and whatever follows them becomes
 * {@value #MARKER}: {@code $6$salt$hash} reads {@code $REDACTED$}, {@code !$6$salt$hash} reads {@code !$REDACTED$},
 * {@code !*} stays {@code !*}. A non-blank line without a colon cannot be classified and might be a hash: it becomes
 * the marker.
 */
public final class PasswordHashRedaction implements Redaction {

    /** What stands in for a password hash. */
    public static final String MARKER = "$REDACTED$";

    /** The one instance. */
    public static final PasswordHashRedaction INSTANCE = new PasswordHashRedaction();

    private PasswordHashRedaction() {
    }

    @Override
    public String apply(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            out.append(redactLine(text.substring(start, end)));
            if (nl < 0) {
                break;
            }
            out.append('\n');
            start = nl + 1;
        }
        return out.toString();
    }

    /** The password field as it is kept. */
    static String redactField(String field) {
        if (field.isEmpty() || field.equals("x")) {
            return field;
        }
        int lock = 0;
        while (lock < field.length() && (field.charAt(lock) == '!' || field.charAt(lock) == '*')) {
            lock++;
        }
        return lock == field.length() ? field : field.substring(0, lock) + MARKER;
    }

    private static String redactLine(String line) {
        int first = line.indexOf(':');
        if (first < 0) {
            return line.isBlank() ? line : MARKER;
        }
        int second = line.indexOf(':', first + 1);
        String field = second < 0 ? line.substring(first + 1) : line.substring(first + 1, second);
        String tail = second < 0 ? "" : line.substring(second);
        String cr = "";
        if (second < 0 && field.endsWith("\r")) {
            field = field.substring(0, field.length() - 1);
            cr = "\r";
        }
        return line.substring(0, first + 1) + redactField(field) + tail + cr;
    }
}
