package dev.vigil.agent.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.report.OsFamily;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keeps the catalog and the checks in step: every check has an entry, every entry's platform has a check. */
class CatalogCoverageTest {

    private final Catalog catalog = Catalog.bundled();

    @Test
    void everyCheckHasACatalogEntryListingItsPlatforms() {
        for (Check c : Checks.all()) {
            assertThat(catalog.find(c.control())).as("catalog entry for " + c.control()).isPresent();
            assertThat(catalog.require(c.control()).platforms()).as("platforms of " + c.control())
                    .containsAll(c.platforms());
        }
    }

    @Test
    void everyCatalogPlatformHasACheck() {
        Set<String> implemented = new HashSet<>();
        for (Check c : Checks.all()) {
            for (OsFamily f : c.platforms()) {
                implemented.add(c.control() + "@" + f.id());
            }
        }
        for (CatalogEntry e : catalog.entries()) {
            for (OsFamily f : e.platforms()) {
                assertThat(implemented).as(e.id() + " claims " + f.id()).contains(e.id() + "@" + f.id());
            }
        }
    }

    @Test
    void noTwoChecksDecideTheSameControlOnTheSamePlatform() {
        List<String> keys = Checks.all().stream()
                .flatMap(c -> c.platforms().stream().map(f -> c.control() + "@" + f.id())).toList();
        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void checksAreInCatalogOrder() {
        List<String> catalogOrder = catalog.entries().stream().map(CatalogEntry::id).toList();
        for (OsFamily family : OsFamily.values()) {
            List<String> checkOrder = Checks.forPlatform(family).stream().map(Check::control).toList();
            assertThat(checkOrder).as(family.id())
                    .isSortedAccordingTo((a, b) -> catalogOrder.indexOf(a) - catalogOrder.indexOf(b));
        }
    }
}
