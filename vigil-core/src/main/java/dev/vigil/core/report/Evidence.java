package dev.vigil.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * What a check ran or read to reach its finding.
 *
 * @param source   the kind of source
 * @param query    the command line, file path, registry value or API call
 * @param exitCode the command's exit code, or {@code null} where none applies
 * @param excerpt  the relevant part of the answer, possibly shortened; never null
 */
public record Evidence(
        EvidenceSource source,
        String query,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer exitCode,
        String excerpt) {

    public Evidence {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(query, "query");
        excerpt = excerpt == null ? "" : excerpt;
    }
}
