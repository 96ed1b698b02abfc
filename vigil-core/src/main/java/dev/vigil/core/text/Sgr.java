package dev.vigil.core.text;

import dev.vigil.core.report.Status;

/** The ANSI SGR styles Vigil's terminal tables use: the agent's audit table, the kernel's text views, the catalog. */
public enum Sgr {
    BOLD("1"), DIM("2"), RED("31"), BOLD_RED("1;31"), GREEN("32"), YELLOW("33"), MAGENTA("35");

    private static final String ESC = "\u001b[";
    private static final String RESET = ESC + "0m";

    private final String code;

    Sgr(String code) {
        this.code = code;
    }

    /** {@code text} in this style, then the terminal's default style again. */
    public String paint(String text) {
        return ESC + code + "m" + text + RESET;
    }

    /** How a status looks wherever Vigil prints one, so that a failure reads the same in every table. */
    public static Sgr of(Status status) {
        return switch (status) {
            case PASS -> GREEN;
            case FAIL -> BOLD_RED;
            case WARN -> YELLOW;
            case UNKNOWN -> MAGENTA;
            case NOT_APPLICABLE -> DIM;
        };
    }
}
