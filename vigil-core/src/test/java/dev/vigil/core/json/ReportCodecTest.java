package dev.vigil.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.report.Evidence;
import dev.vigil.core.report.EvidenceSource;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Severity;
import dev.vigil.core.report.Status;
import dev.vigil.core.testing.ReportSchema;
import dev.vigil.core.testing.Reports;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportCodecTest {

    private final ReportCodec codec = ReportCodec.instance();

    private Report sample() {
        return Reports.report("web-1",
                Reports.finding("disk.encryption.system", Status.PASS, Severity.CRITICAL),
                Reports.finding("firewall.enabled", Status.FAIL, Severity.HIGH),
                new Finding("patch.pending-updates", Status.UNKNOWN, Severity.HIGH, "Updates", "command not found: apt",
                        Map.of(), List.of(new Evidence(EvidenceSource.COMMAND, "apt list --upgradable", 100, "")), 3));
    }

    @Test
    void writesSnakeCaseKeysAndContractSpellings() {
        String json = codec.write(sample());
        assertThat(json).contains("\"report_id\"", "\"started_at\"", "\"finished_at\"", "\"duration_ms\"",
                "\"not_applicable\"", "\"exit_code\" : 100", "\"status\" : \"PASS\"", "\"severity\" : \"critical\"",
                "\"family\" : \"linux\"", "\"schema\" : \"vigil.report/1\"", "\"started_at\" : \"2026-11-25T10:00:00Z\"");
        assertThat(json).doesNotContain("reportId", "exitCode\"", "null");
    }

    @Test
    void roundTripsToAnEqualReport() {
        Report r = sample();
        assertThat(codec.read(codec.write(r))).isEqualTo(r);
    }

    @Test
    void writtenReportsValidateAgainstThePublishedSchema() {
        assertThat(ReportSchema.violations(codec.write(sample()))).isEmpty();
    }

    @Test
    void schemaRejectsALowercaseStatus() {
        String json = codec.write(sample()).replace("\"PASS\"", "\"pass\"");
        assertThat(ReportSchema.violations(json)).anySatisfy(v -> assertThat(v).contains("status"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown status names the field     | \"status\" : \"FAIL\"          | \"status\" : \"BROKEN\"      | findings[1].status",
        "bad instant names the field        | \"started_at\" : \"2026-11-25T10:00:00Z\" | \"started_at\" : \"yesterday\" | started_at",
        "unknown severity names the value   | \"severity\" : \"high\"        | \"severity\" : \"urgent\"    | urgent",
        "wrong schema version is refused    | \"vigil.report/1\"             | \"vigil.report/9\"           | vigil.report/9",
        "unknown top-level key is refused   | \"elevated\" : true            | \"elevated\" : true, \"extra\" : 1 | extra",
    })
    void malformedReportsGiveAPreciseError(String what, String from, String to, String expected) {
        String json = codec.write(sample()).replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        assertThatThrownBy(() -> codec.read(json)).isInstanceOf(ReportFormatException.class).hasMessageContaining(expected);
    }

    @Test
    void missingRequiredFieldIsNamed() {
        String json = codec.write(sample()).replace("\"hostname\" : \"web-1\",", "");
        assertThatThrownBy(() -> codec.read(json)).isInstanceOf(ReportFormatException.class).hasMessageContaining("hostname");
    }

    @Test
    void truncatedJsonSaysWhere() {
        String json = codec.write(sample());
        assertThatThrownBy(() -> codec.read(json.substring(0, json.length() / 2)))
                .isInstanceOf(ReportFormatException.class).hasMessageContaining("line");
    }

    @Test
    void finishedBeforeStartedIsRefused() {
        String json = codec.write(sample()).replace("\"finished_at\" : \"2026-11-25T10:00:00.850Z\"", "\"finished_at\" : \"2026-11-25T09:00:00Z\"");
        assertThatThrownBy(() -> codec.read(json)).isInstanceOf(ReportFormatException.class).hasMessageContaining("before");
    }
}
