package dev.vigil.core.catalog;

import java.util.Objects;

/**
 * A pointer to an external standard.
 *
 * @param standard e.g. {@code CIS Controls v8} or {@code CIS Debian Linux 12 Benchmark v1.1.0}
 * @param id       the safeguard or section number, e.g. {@code 3.11} or {@code 1.1.2.1}
 * @param title    the safeguard's or section's title
 */
public record Reference(String standard, String id, String title) {
    public Reference {
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(id, "id");
        title = Objects.requireNonNullElse(title, "");
    }
}
