package dev.vigil.cli.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogChangesTest {

    private static final List<CatalogEntry> BUNDLED = Catalog.bundled().entries();

    @Test
    void countsAddedUpdatedUnchangedAndRemovedById() {
        CatalogEntry e = BUNDLED.get(1);
        CatalogEntry retitled = new CatalogEntry(e.id(), "retitled", e.domain(), e.severity(), e.platforms(),
                e.rationale(), e.remediation(), e.caveats(), e.references());
        List<CatalogEntry> before = List.of(BUNDLED.get(0), e, BUNDLED.get(2));
        List<CatalogEntry> after = List.of(BUNDLED.get(0), retitled, BUNDLED.get(3), BUNDLED.get(4));

        CatalogChanges c = CatalogChanges.between(before, after);

        assertThat(c).isEqualTo(new CatalogChanges(2, 1, 1, 1));
        assertThat(c.any()).isTrue();
        assertThat(c.toString()).isEqualTo("2 added, 1 updated, 1 unchanged, 1 removed");
    }

    @Test
    void theSameCatalogChangesNothing() {
        CatalogChanges c = CatalogChanges.between(BUNDLED, BUNDLED);
        assertThat(c).isEqualTo(new CatalogChanges(0, 0, BUNDLED.size(), 0));
        assertThat(c.any()).isFalse();
    }
}
