package dev.vigil.core.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Validates JSON text against the published report schema (the copy bundled in vigil-core). */
public final class ReportSchema {

    private static final Schema SCHEMA = load();

    private ReportSchema() {
    }

    /** The schema violations of {@code json}, as readable messages; empty when it is a valid report. */
    public static List<String> violations(String json) {
        List<Error> errors = SCHEMA.validate(json, InputFormat.JSON);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private static Schema load() {
        try (InputStream in = ReportSchema.class.getResourceAsStream("/dev/vigil/core/report.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("report.schema.json is not on the classpath");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
