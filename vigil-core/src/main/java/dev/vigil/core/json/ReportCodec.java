package dev.vigil.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import dev.vigil.core.report.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads and writes the contract's JSON: snake_case keys, ISO-8601 UTC instants, enums as the schema spells them.
 * Thread-safe; share one instance.
 */
public final class ReportCodec {

    private static final ReportCodec INSTANCE = new ReportCodec();

    private final ObjectMapper mapper;

    private ReportCodec() {
        SimpleModule instants = new SimpleModule("vigil-instants");
        instants.addSerializer(Instant.class, ToStringSerializer.instance);
        instants.addDeserializer(Instant.class, new FromStringDeserializer<>(Instant.class) {
            @Override
            protected Instant _deserialize(String value, com.fasterxml.jackson.databind.DeserializationContext ctxt) {
                try {
                    return Instant.parse(value);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("'" + value + "' is not an ISO-8601 UTC instant such as 2026-01-31T12:00:00Z", e);
                }
            }
        });
        this.mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(instants)
                .addModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    /** The shared codec. */
    public static ReportCodec instance() {
        return INSTANCE;
    }

    /** The configured mapper, for other contract documents (catalog, diff) that share the conventions. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** The report as indented JSON text. */
    public String write(Report report) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode report " + report.reportId(), e);
        }
    }

    /** Any contract value as indented JSON text. */
    public String writeValue(Object value) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Parses a report.
     *
     * @throws ReportFormatException naming the field and the problem when the text is not a valid report
     */
    public Report read(String json) {
        try {
            return mapper.readValue(json, Report.class);
        } catch (IOException e) {
            throw ReportFormatException.from(e);
        }
    }

    /** Parses a report from bytes (UTF-8). */
    public Report read(byte[] json) {
        try {
            return mapper.readValue(json, Report.class);
        } catch (IOException e) {
            throw ReportFormatException.from(e);
        }
    }

    /** Parses arbitrary JSON into a tree. */
    public JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw ReportFormatException.from(e);
        }
    }


}
