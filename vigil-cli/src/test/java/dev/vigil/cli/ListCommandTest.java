package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.json.ReportCodec;
import org.junit.jupiter.api.Test;

class ListCommandTest {

    @Test
    void printsATableOfEveryControl() {
        Cli r = Cli.run("list");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("CONTROL");
        assertThat(r.out().lines().count()).isEqualTo(Catalog.bundled().entries().size() + 1);
        assertThat(r.out()).contains("disk.encryption.system", "network.exposed-ports");
    }

    @Test
    void jsonGivesAnArrayOfCatalogEntries() {
        Cli r = Cli.run("list", "--format", "json");
        assertThat(r.exitCode()).isZero();
        JsonNode tree = ReportCodec.instance().tree(r.out());
        assertThat(tree.isArray()).isTrue();
        assertThat(tree.size()).isEqualTo(Catalog.bundled().entries().size());
        JsonNode first = tree.get(0);
        for (String key : new String[] {"id", "title", "domain", "severity", "platforms", "rationale", "remediation", "references"}) {
            assertThat(first.has(key)).as(key).isTrue();
        }
        assertThat(first.get("platforms").get(0).asText()).isEqualTo("linux");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Cli r = Cli.run("list", "--format", "yaml");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("yaml");
    }
}
