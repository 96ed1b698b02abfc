package dev.vigil.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the API's OpenAPI 3.1 description. It is kept by hand as YAML in
 * {@code docs/openapi.yaml} (the jar carries a copy) and converted to JSON on the first request, once; the
 * kernel's start does not pay for the YAML parser.
 */
final class OpenApi {

    static final String RESOURCE = "/dev/vigil/server/openapi.yaml";

    Object document(Call call) {
        return new RawBody(Converted.JSON, "application/json");
    }

    /** The description as a JSON tree (for tests). */
    static JsonNode tree() {
        try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("resource " + RESOURCE + " is not readable YAML: " + e.getMessage(), e);
        }
    }

    /** Holds the JSON bytes; initialised on first use, by the JVM's class initialisation, exactly once. */
    private static final class Converted {
        static final byte[] JSON = toJson(tree());

        private static byte[] toJson(JsonNode tree) {
            try {
                return new ObjectMapper().writeValueAsBytes(tree);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the OpenAPI description as JSON", e);
            }
        }
    }
}
