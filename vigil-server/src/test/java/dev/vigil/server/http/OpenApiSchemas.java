package dev.vigil.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The response schemas the OpenAPI document declares, as JSON Schemas (draft 2020-12, which OpenAPI 3.1 schema
 * objects are) that a validator can check real responses against. References to components become references
 * to {@code $defs}, and the report schema the document refers to by its URL ({@code /schema/report.json}) is
 * embedded, its own {@code $defs} merged in.
 */
final class OpenApiSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPORT_URL = "/schema/report.json";
    private static final String REPORT_DEF = "VigilReport";

    private final JsonNode document;
    private final ObjectNode defs;

    OpenApiSchemas(JsonNode document) {
        this.document = document;
        this.defs = (ObjectNode) rewrite(document.at("/components/schemas").deepCopy());
        ObjectNode report = (ObjectNode) reportSchema();
        report.remove(List.of("$id", "$schema"));
        JsonNode reportDefs = report.remove("$defs");
        for (Map.Entry<String, JsonNode> d : reportDefs.properties()) {
            if (defs.has(d.getKey())) {
                throw new IllegalStateException("the report schema's $defs/" + d.getKey() + " clashes with a component");
            }
            defs.set(d.getKey(), d.getValue());
        }
        defs.set(REPORT_DEF, report);
    }

    /**
     * The violations of {@code body} against the schema the document declares for this operation's response;
     * throws when the document declares no such response.
     */
    List<String> violations(String path, String method, int status, String mediaType, String body) {
        JsonNode response = document.path("paths").path(path).path(method.toLowerCase(java.util.Locale.ROOT))
                .path("responses").path(Integer.toString(status));
        if (response.has("$ref")) {
            response = document.at(response.get("$ref").asText().substring(1));
        }
        JsonNode schema = response.path("content").path(mediaType).path("schema");
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException(method + " " + path + " declares no " + status + " response as "
                    + mediaType);
        }
        ObjectNode root = (ObjectNode) rewrite(schema.deepCopy());
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("$defs", defs);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(root.toString(), InputFormat.JSON)
                .validate(body, InputFormat.JSON).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private static JsonNode rewrite(JsonNode node) {
        if (node instanceof ObjectNode o) {
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.isTextual()) {
                String target = ref.asText();
                if (target.startsWith("#/components/schemas/")) {
                    o.put("$ref", "#/$defs/" + target.substring("#/components/schemas/".length()));
                } else if (target.equals(REPORT_URL)) {
                    o.put("$ref", "#/$defs/" + REPORT_DEF);
                } else {
                    throw new IllegalArgumentException("unexpected reference " + target);
                }
            }
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            rewrite(it.next());
        }
        return node;
    }

    private static JsonNode reportSchema() {
        try (InputStream in = OpenApiSchemas.class.getResourceAsStream(Api.SCHEMA_RESOURCE)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
