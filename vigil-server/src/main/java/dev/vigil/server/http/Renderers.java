package dev.vigil.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.vigil.core.json.ReportCodec;

import java.io.UncheckedIOException;

/** Turns documents into bytes in a representation. */
final class Renderers {

    private static final ObjectWriter JSON = ReportCodec.instance().mapper().writer();

    private Renderers() {
    }

    /** A rendered body and its media type. */
    record Rendered(byte[] bytes, String contentType) {
    }

    static Rendered render(Representation representation, Object document) {
        return switch (representation) {
            case JSON -> new Rendered(json(document), "application/json");
        };
    }

    static byte[] json(Object document) {
        try {
            return JSON.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode " + document.getClass().getSimpleName(), e);
        }
    }
}
