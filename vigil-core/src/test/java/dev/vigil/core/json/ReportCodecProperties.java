package dev.vigil.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.report.Evidence;
import dev.vigil.core.report.EvidenceSource;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Severity;
import dev.vigil.core.report.Status;
import dev.vigil.core.testing.ReportSchema;
import dev.vigil.core.testing.Reports;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the codec: any report round-trips and validates; no input text makes it throw anything but its own exception. */
class ReportCodecProperties {

    private final ReportCodec codec = ReportCodec.instance();

    @Property(tries = 200)
    void anyReportRoundTripsAndValidates(@ForAll("reports") Report report) {
        String json = codec.write(report);
        assertThat(codec.read(json)).isEqualTo(report);
        assertThat(ReportSchema.violations(json)).isEmpty();
    }

    @Property(tries = 500)
    void arbitraryTextNeverThrowsAnythingButReportFormatException(@ForAll String text) {
        try {
            codec.read(text);
        } catch (ReportFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void mutatedReportsNeverThrowAnythingButReportFormatException(@ForAll("reports") Report report, @ForAll int seed) {
        String json = codec.write(report);
        java.util.Random r = new java.util.Random(seed);
        StringBuilder sb = new StringBuilder(json);
        for (int i = 0; i < 3; i++) {
            int at = r.nextInt(sb.length());
            sb.setCharAt(at, "{}[]\",:0aZ \\".charAt(r.nextInt(12)));
        }
        try {
            codec.read(sb.toString());
        } catch (ReportFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<Report> reports() {
        Arbitrary<Finding> finding = Combinators.combine(
                Arbitraries.of("disk.encryption.system", "firewall.enabled", "kernel.aslr", "network.exposed-ports"),
                Arbitraries.of(Status.class), Arbitraries.of(Severity.class),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(80),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.integers().between(-1, 255),
                Arbitraries.longs().between(0, 60_000))
                .as((control, status, severity, detail, excerpt, exit, ms) -> {
                    Map<String, Object> facts = new LinkedHashMap<>();
                    facts.put("text", excerpt);
                    facts.put("number", exit);
                    facts.put("list", List.of("a", excerpt));
                    return new Finding(control, status, severity, "Title", detail.isBlank() ? "x" : detail, facts,
                            List.of(new Evidence(EvidenceSource.COMMAND, "cmd " + excerpt, exit < 0 ? null : exit, excerpt)), ms);
                });
        return finding.list().ofMaxSize(12).map(list -> Reports.report("h", list.toArray(Finding[]::new)));
    }
}
