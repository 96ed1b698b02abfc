package dev.vigil.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.testing.Reports;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void countsEveryStatus() {
        Summary s = Summary.of(List.of(
                Reports.finding("a.b", Status.PASS, Severity.HIGH),
                Reports.finding("a.c", Status.FAIL, Severity.HIGH),
                Reports.finding("a.d", Status.WARN, Severity.HIGH),
                Reports.finding("a.e", Status.UNKNOWN, Severity.HIGH),
                Reports.finding("a.f", Status.NOT_APPLICABLE, Severity.HIGH)));
        assertThat(s).isEqualTo(new Summary(1, 1, 1, 1, 1, 50));
    }

    @Test
    void weighsFailuresBySeverity() {
        Summary criticalFails = Summary.of(List.of(
                Reports.finding("a.b", Status.FAIL, Severity.CRITICAL),
                Reports.finding("a.c", Status.PASS, Severity.LOW)));
        assertThat(criticalFails.score()).isEqualTo(9);
    }

    @Test
    void unknownAndNotApplicableDoNotMoveTheScore() {
        Summary s = Summary.of(List.of(
                Reports.finding("a.b", Status.PASS, Severity.MEDIUM),
                Reports.finding("a.c", Status.UNKNOWN, Severity.CRITICAL),
                Reports.finding("a.d", Status.NOT_APPLICABLE, Severity.CRITICAL)));
        assertThat(s.score()).isEqualTo(100);
    }

    @Test
    void scoresZeroWhenNothingCouldBeDecided() {
        assertThat(Summary.of(List.of(Reports.finding("a.b", Status.UNKNOWN, Severity.HIGH))).score()).isZero();
        assertThat(Summary.of(List.of()).score()).isZero();
    }

    @Test
    void infoOnlyPassesScoreFull() {
        assertThat(Summary.of(List.of(Reports.finding("a.b", Status.PASS, Severity.INFO))).score()).isEqualTo(100);
    }
}
