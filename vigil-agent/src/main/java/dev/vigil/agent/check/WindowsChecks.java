package dev.vigil.agent.check;

import java.util.List;

/** The Windows checks, in catalog order. */
final class WindowsChecks {

    static final List<Check> ALL = List.of();

    private WindowsChecks() {
    }
}
