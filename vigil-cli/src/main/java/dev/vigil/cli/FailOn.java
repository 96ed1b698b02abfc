package dev.vigil.cli;

import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Severity;
import dev.vigil.core.report.Status;
import java.util.List;
import java.util.Optional;

/** The --fail-on threshold: which failed severities make the exit code 1. */
enum FailOn {
    critical(Severity.CRITICAL), high(Severity.HIGH), medium(Severity.MEDIUM), low(Severity.LOW), never(null);

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    /** The failed findings at or above the threshold. */
    List<Finding> failing(List<Finding> findings) {
        Optional<Severity> t = Optional.ofNullable(threshold);
        return findings.stream()
                .filter(f -> f.status() == Status.FAIL)
                .filter(f -> t.map(f.severity()::atLeast).orElse(false))
                .toList();
    }
}
