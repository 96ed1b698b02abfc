package dev.vigil.cli.kernel;

/** One line for an exception: its message, and the innermost cause's when that says something more. */
final class Causes {

    private Causes() {
    }

    static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String rootMessage = root.getMessage();
        if (root != e && rootMessage != null && !message.contains(rootMessage)) {
            message += " (" + rootMessage + ")";
        }
        return message.replace('\n', ' ');
    }
}
