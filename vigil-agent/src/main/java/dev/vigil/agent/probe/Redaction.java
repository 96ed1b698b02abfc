package dev.vigil.agent.probe;

import java.util.function.UnaryOperator;

/**
 * A rewrite applied to a file's text as soon as it is read, before a check, a recording or a report
 * sees it. Used for files that hold secrets (password hashes), so they never leave the probe.
 */
@FunctionalInterface
public interface Redaction extends UnaryOperator<String> {

    /** Leaves the text as it is. */
    Redaction NONE = text -> text;
}
