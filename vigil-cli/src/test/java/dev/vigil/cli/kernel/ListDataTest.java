package dev.vigil.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.cli.Cli;
import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.json.ReportCodec;
import dev.vigil.server.store.SqliteReportStore;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil list --data}: the catalog as a kernel's store holds it, not the bundled one. */
class ListDataTest {

    @TempDir
    Path data;

    @Test
    void printsTheStoredCatalogAsATableOrJson() {
        List<CatalogEntry> three = Catalog.bundled().entries().subList(0, 3);
        try (SqliteReportStore store = SqliteReportStore.open(data, InstantSource.system())) {
            store.seedCatalog(Catalog.of(three));
        }

        Cli table = Cli.run("list", "--data", data.toString(), "--color", "never");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out().lines()).hasSize(4);
        assertThat(table.out()).startsWith("CONTROL").contains(three.get(2).id())
                .doesNotContain(Catalog.bundled().entries().get(3).id()).doesNotContain("\u001b[");

        JsonNode json = ReportCodec.instance().tree(Cli.run("list", "--data", data.toString(), "--format", "json").out());
        assertThat(json).hasSize(3);
        assertThat(json.get(0).path("id").asText()).isEqualTo(three.get(0).id());
    }

    @Test
    void colourMarksTheHeaderAndSeverities() {
        Cli r = Cli.run("list", "--color", "always");
        assertThat(r.out()).startsWith("\u001b[1mCONTROL").contains("\u001b[1;31mcritical");
    }

    @Test
    void aMissingDataFolderIsAUsageError() {
        Cli r = Cli.run("list", "--data", data.resolve("nope").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no data folder");
        assertThat(data.resolve("nope")).doesNotExist();
    }
}
