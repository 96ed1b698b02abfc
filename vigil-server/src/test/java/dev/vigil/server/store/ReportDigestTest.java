package dev.vigil.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.report.Finding;
import dev.vigil.core.report.Host;
import dev.vigil.core.report.Report;
import dev.vigil.server.fleet.SyntheticFleet;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ReportDigestTest {

    private static final Catalog CATALOG = Catalog.bundled();
    private static final Function<String, String> TITLES =
            id -> CATALOG.find(id).map(CatalogEntry::title).orElse("");

    @Test
    void keepsEverythingTheFleetViewUsesForAThousandVariedReports() {
        SyntheticFleet fleet = new SyntheticFleet(42);
        for (int i = 0; i < 1000; i++) {
            Report original = fleet.report(fleet.machine(i), Instant.parse("2026-11-20T10:15:30.123456789Z").plusSeconds(i));

            Report digest = ReportDigest.decode(ReportDigest.encode(original).orElseThrow(), TITLES);

            assertThat(digest.reportId()).isEqualTo(original.reportId());
            assertThat(digest.host()).isEqualTo(original.host());
            assertThat(digest.agent()).isEqualTo(original.agent());
            assertThat(digest.startedAt()).isEqualTo(original.startedAt());
            assertThat(digest.finishedAt()).isEqualTo(original.finishedAt());
            assertThat(digest.elevated()).isEqualTo(original.elevated());
            assertThat(digest.summary()).isEqualTo(original.summary());
            assertThat(digest.findings()).hasSameSizeAs(original.findings());
            for (int k = 0; k < original.findings().size(); k++) {
                Finding o = original.findings().get(k);
                Finding d = digest.findings().get(k);
                assertThat(d.control()).isEqualTo(o.control());
                assertThat(d.status()).isEqualTo(o.status());
                assertThat(d.severity()).isEqualTo(o.severity());
                assertThat(d.title()).isEqualTo(CATALOG.require(o.control()).title());
                assertThat(d.evidence()).isEmpty();
            }
        }
    }

    @Test
    void isAFewHundredBytesWhereTheFullReportIsKilobytes() {
        SyntheticFleet fleet = new SyntheticFleet(7);
        Report r = fleet.report(fleet.machine(0), Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(ReportDigest.encode(r).orElseThrow().length).isLessThan(40 * r.findings().size() + 200);
    }

    @Test
    void aControlTheCatalogLacksIsTitledByItsId() {
        SyntheticFleet fleet = new SyntheticFleet(3);
        Report r = fleet.report(fleet.machine(0), Instant.parse("2026-11-20T10:00:00Z"));
        Report d = ReportDigest.decode(ReportDigest.encode(r).orElseThrow(), id -> "");
        assertThat(d.findings()).allSatisfy(f -> assertThat(f.title()).isEqualTo(f.control()));
    }

    @Test
    void aHostnameTooLongForTheDigestGivesNoDigestRatherThanFailingTheIngest() {
        SyntheticFleet fleet = new SyntheticFleet(5);
        Report r = fleet.report(fleet.machine(0), Instant.parse("2026-11-20T10:00:00Z"));
        Host h = r.host();
        Report huge = Report.of(r.reportId(), new Host(h.id(), "x".repeat(70_000), h.os(), h.arch()), r.agent(),
                r.startedAt(), r.finishedAt(), r.elevated(), r.findings());
        assertThat(ReportDigest.encode(huge)).isEmpty();
    }

    @Test
    void damagedBytesAreAnIllegalArgumentNeverAnotherException() {
        SyntheticFleet fleet = new SyntheticFleet(9);
        byte[] good = ReportDigest.encode(fleet.report(fleet.machine(0), Instant.parse("2026-11-20T10:00:00Z")))
                .orElseThrow();
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++) {
            byte[] bad = i % 2 == 0
                    ? Arrays.copyOf(good, random.nextInt(good.length))
                    : flipped(good, random);
            try {
                ReportDigest.decode(bad, TITLES);
            } catch (IllegalArgumentException expected) {
                // the only way a damaged digest may fail
            }
        }
        assertThatThrownBy(() -> ReportDigest.decode(new byte[] {9}, TITLES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 9");
    }

    private static byte[] flipped(byte[] good, Random random) {
        byte[] bad = good.clone();
        for (int k = 1 + random.nextInt(5); k > 0; k--) {
            bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
        }
        return bad;
    }
}
