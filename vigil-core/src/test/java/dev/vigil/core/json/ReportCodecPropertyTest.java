package dev.vigil.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.report.Evidence;
import dev.vigil.core.report.EvidenceSource;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Severity;
import dev.vigil.core.report.Status;
import dev.vigil.core.testing.RandomInputs;
import dev.vigil.core.testing.ReportSchema;
import dev.vigil.core.testing.Reports;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of the codec: any report round-trips and validates; no input text makes it throw anything but its own exception. */
class ReportCodecPropertyTest {

    private static final long SEED = 20261125L;
    private final ReportCodec codec = ReportCodec.instance();

    @Test
    void anyReportRoundTripsAndValidates() {
        Random r = new Random(SEED);
        for (int i = 0; i < 200; i++) {
            Report report = randomReport(r);
            String json = codec.write(report);
            assertThat(codec.read(json)).as("seed %d, report %d", SEED, i).isEqualTo(report);
            assertThat(ReportSchema.violations(json)).as(json).isEmpty();
        }
    }

    @Test
    void arbitraryTextNeverThrowsAnythingButReportFormatException() {
        for (String text : RandomInputs.strings(SEED, RandomInputs.TRIES)) {
            readExpectingOnlyFormatErrors(text);
        }
    }

    @Test
    void damagedReportsNeverThrowAnythingButReportFormatException() {
        String json = codec.write(randomReport(new Random(SEED)));
        for (String text : RandomInputs.mutations(json, SEED, RandomInputs.TRIES)) {
            readExpectingOnlyFormatErrors(text);
        }
    }

    private void readExpectingOnlyFormatErrors(String text) {
        try {
            codec.read(text);
        } catch (ReportFormatException expected) {
            assertThat(expected.getMessage()).as(text).isNotBlank();
        } catch (RuntimeException e) {
            throw new AssertionError("codec threw " + e + " for input: " + text, e);
        }
    }

    private static Report randomReport(Random r) {
        List<String> controls = List.of("disk.encryption.system", "firewall.enabled", "kernel.aslr", "network.exposed-ports");
        List<Finding> findings = new ArrayList<>();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            String text = RandomInputs.strings(r.nextLong(), 4).get(3);
            int exit = r.nextInt(257) - 1;
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("text", text);
            facts.put("number", exit);
            facts.put("list", List.of("a", text));
            facts.put("nested", Map.of("ok", r.nextBoolean()));
            String detail = text.isBlank() ? "x" : text;
            findings.add(new Finding(controls.get(r.nextInt(controls.size())), Status.values()[r.nextInt(5)],
                    Severity.values()[r.nextInt(5)], "Title", detail, facts,
                    List.of(new Evidence(EvidenceSource.values()[r.nextInt(5)], "cmd " + text, exit < 0 ? null : exit, text)),
                    r.nextInt(60_000)));
        }
        return Reports.report("h", findings.toArray(Finding[]::new));
    }
}
