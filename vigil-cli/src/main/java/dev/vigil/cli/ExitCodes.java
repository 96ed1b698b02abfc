package dev.vigil.cli;

/** The exit codes every subcommand uses, as documented in the README. */
final class ExitCodes {
    /** Nothing at or above the --fail-on severity failed. */
    static final int OK = 0;
    /** Something at or above the --fail-on severity failed, or a diff found regressions with --fail-on-regression. */
    static final int FINDINGS = 1;
    /** The command line was wrong. */
    static final int USAGE = 2;
    /** Vigil itself failed. */
    static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
