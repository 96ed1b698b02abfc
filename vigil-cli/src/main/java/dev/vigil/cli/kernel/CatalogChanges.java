package dev.vigil.cli.kernel;

import dev.vigil.core.catalog.CatalogEntry;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What replacing one catalog with another changes, by control id.
 *
 * @param added     controls only in the new catalog
 * @param updated   controls in both whose entries differ
 * @param unchanged controls in both, equal
 * @param removed   controls only in the old catalog
 */
record CatalogChanges(int added, int updated, int unchanged, int removed) {

    static CatalogChanges between(List<CatalogEntry> before, List<CatalogEntry> after) {
        Map<String, CatalogEntry> old = before.stream().collect(Collectors.toMap(CatalogEntry::id, Function.identity()));
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        for (CatalogEntry e : after) {
            CatalogEntry previous = old.get(e.id());
            if (previous == null) {
                added++;
            } else {
                if (previous.equals(e)) {
                    unchanged++;
                } else {
                    updated++;
                }
            }
        }
        // every control of both is updated or unchanged (ids are unique in a catalog)
        return new CatalogChanges(added, updated, unchanged, old.size() - updated - unchanged);
    }

    boolean any() {
        return added + updated + removed > 0;
    }

    @Override
    public String toString() {
        return added + " added, " + updated + " updated, " + unchanged + " unchanged, " + removed + " removed";
    }
}
