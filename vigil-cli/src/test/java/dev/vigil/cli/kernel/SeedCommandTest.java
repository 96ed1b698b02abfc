package dev.vigil.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cli.Cli;
import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.report.Report;
import dev.vigil.core.report.Severity;
import dev.vigil.core.report.Status;
import dev.vigil.core.testing.Reports;
import dev.vigil.server.store.SqliteReportStore;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedCommandTest {

    @TempDir
    Path data;

    @Test
    void restoresTheBundledCatalogSayingWhatChangedAndLeavesReportsAlone() {
        List<CatalogEntry> bundled = Catalog.bundled().entries();
        Report report = Reports.report("host-a", Reports.finding("firewall.enabled", Status.FAIL, Severity.HIGH));
        try (SqliteReportStore store = SqliteReportStore.open(data, InstantSource.system())) {
            store.ingest(report);
            List<CatalogEntry> old = new ArrayList<>(bundled.subList(2, bundled.size()));  // two controls missing
            CatalogEntry first = old.getFirst();
            old.set(0, new CatalogEntry(first.id(), "an older title", first.domain(), first.severity(), first.platforms(),
                    first.rationale(), first.remediation(), first.caveats(), first.references()));
            store.seedCatalog(Catalog.of(old));
        }

        Cli r = Cli.run("seed", "--data", data.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 added, 1 updated, " + (bundled.size() - 3) + " unchanged, 0 removed",
                "after its next restart");
        try (SqliteReportStore store = SqliteReportStore.open(data, InstantSource.system())) {
            assertThat(store.catalog().entries()).isEqualTo(bundled);
            assertThat(store.report(report.reportId())).isPresent();
        }
        Cli again = Cli.run("seed", "--data", data.toString());
        assertThat(again.out()).contains("0 added, 0 updated, " + bundled.size() + " unchanged, 0 removed")
                .doesNotContain("restart");
    }
}
