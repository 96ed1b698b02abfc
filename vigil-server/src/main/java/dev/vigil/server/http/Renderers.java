package dev.vigil.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.vigil.core.json.ReportCodec;
import dev.vigil.server.view.ColorMode;
import dev.vigil.server.view.HtmlViews;
import dev.vigil.server.view.Representation;
import dev.vigil.server.view.TextViews;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Turns what an endpoint answered into bytes in the rendition the request asked for. */
final class Renderers {

    private static final ObjectWriter JSON = ReportCodec.instance().mapper().writer();
    private static final TextViews COLORED = new TextViews(ColorMode.ALWAYS);
    private static final TextViews PLAIN = new TextViews(ColorMode.NEVER);
    private static final HtmlViews HTML = new HtmlViews();

    private Renderers() {
    }

    /**
     * A rendered body and its media type.
     *
     * @param negotiated whether the body depends on the request's Accept and User-Agent (a {@link Resource}), so the
     *                   response must say {@code Vary: Accept, User-Agent}
     */
    record Rendered(byte[] bytes, String contentType, boolean negotiated) {
        /** The same body in another encoding. */
        Rendered withBytes(byte[] encoded) {
            return new Rendered(encoded, contentType, negotiated);
        }
    }

    static Rendered render(Rendition rendition, Object body) {
        return switch (body) {
            case Resource r -> switch (rendition.representation()) {
                case JSON -> {
                    Rendered json = render(rendition, r.json().get());
                    yield new Rendered(json.bytes(), json.contentType(), true);
                }
                case TEXT -> new Rendered(utf8(r.text().apply(rendition.color() == ColorMode.ALWAYS ? COLORED : PLAIN)),
                        Representation.TEXT.contentType(), true);
                case HTML -> new Rendered(utf8(r.html().apply(HTML)), Representation.HTML.contentType(), true);
            };
            case RawBody raw -> new Rendered(raw.bytes(), raw.contentType(), false);
            default -> new Rendered(json(body), Representation.JSON.contentType(), false);
        };
    }

    static byte[] json(Object document) {
        try {
            return JSON.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode " + document.getClass().getSimpleName(), e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
