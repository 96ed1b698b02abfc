package dev.vigil.server.view;

import dev.vigil.core.report.Status;
import dev.vigil.server.fleet.HostStatus;

/** The ANSI SGR styles the text views use. */
enum Sgr {
    BOLD("1"), DIM("2"), RED("31"), GREEN("32"), YELLOW("33"), MAGENTA("35"), CYAN("36");

    final String code;

    Sgr(String code) {
        this.code = code;
    }

    static Sgr of(Status s) {
        return switch (s) {
            case PASS -> GREEN;
            case FAIL -> RED;
            case WARN -> YELLOW;
            case UNKNOWN -> MAGENTA;
            case NOT_APPLICABLE -> DIM;
        };
    }

    static Sgr of(HostStatus s) {
        return switch (s) {
            case PASSING -> GREEN;
            case FAILING -> RED;
            case WARNING -> YELLOW;
        };
    }
}
