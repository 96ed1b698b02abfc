package dev.vigil.cli;

/** The exit codes every subcommand uses, as documented in the README. */
public final class ExitCodes {
    /** Nothing at or above the --fail-on severity failed. */
    public static final int OK = 0;
    /** Something at or above the --fail-on severity failed, or a diff found regressions with --fail-on-regression. */
    public static final int FINDINGS = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** Vigil itself failed. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
