package dev.vigil.agent.check;

import java.util.List;

/** The macOS checks, in catalog order. */
final class MacChecks {

    static final List<Check> ALL = List.of();

    private MacChecks() {
    }
}
