package dev.vigil.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.report.Report;
import dev.vigil.core.report.Status;
import dev.vigil.core.testing.Reports;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReportDiffTest {

    @ParameterizedTest(name = "{0} -> {1} is {2}")
    @CsvSource({
        "PASS, FAIL, regression",
        "PASS, WARN, regression",
        "WARN, FAIL, regression",
        "FAIL, PASS, fix",
        "WARN, PASS, fix",
        "FAIL, WARN, fix",
        "PASS, UNKNOWN, changed",
        "UNKNOWN, FAIL, changed",
        "NOT_APPLICABLE, PASS, changed",
        "PASS, PASS, none",
    })
    void classifiesStatusMoves(Status from, Status to, String kind) {
        ReportDiff d = ReportDiff.between(Reports.withStatuses(Map.of("x.y", from)), Reports.withStatuses(Map.of("x.y", to)));
        assertThat(d.regressions()).hasSize(kind.equals("regression") ? 1 : 0);
        assertThat(d.fixes()).hasSize(kind.equals("fix") ? 1 : 0);
        assertThat(d.changed()).hasSize(kind.equals("changed") ? 1 : 0);
        assertThat(d.hasRegressions()).isEqualTo(kind.equals("regression"));
    }

    @Test
    void listsNewAndRemovedControls() {
        Map<String, Status> before = new LinkedHashMap<>();
        before.put("a.old", Status.PASS);
        before.put("a.kept", Status.PASS);
        Map<String, Status> after = new LinkedHashMap<>();
        after.put("a.kept", Status.PASS);
        after.put("a.new", Status.FAIL);
        ReportDiff d = ReportDiff.between(Reports.withStatuses(before), Reports.withStatuses(after));
        assertThat(d.added()).singleElement().satisfies(c -> {
            assertThat(c.control()).isEqualTo("a.new");
            assertThat(c.from()).isEmpty();
            assertThat(c.to()).contains(Status.FAIL);
        });
        assertThat(d.removed()).singleElement().satisfies(c -> {
            assertThat(c.control()).isEqualTo("a.old");
            assertThat(c.to()).isEqualTo(Optional.empty());
        });
        assertThat(d.regressions()).isEmpty();
    }

    @Test
    void serializesWithSnakeCaseAndExplicitNulls() {
        Report a = Reports.withStatuses(Map.of("x.y", Status.PASS));
        Report b = Reports.withStatuses(Map.of("x.y", Status.FAIL, "x.z", Status.PASS));
        String json = dev.vigil.core.json.ReportCodec.instance().writeValue(ReportDiff.between(a, b));
        assertThat(json).contains("\"from_report\"", "\"regressions\"", "\"from\" : \"PASS\"", "\"to\" : \"FAIL\"", "\"from\" : null");
    }
}
