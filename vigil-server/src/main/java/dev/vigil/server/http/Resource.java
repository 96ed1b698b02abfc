package dev.vigil.server.http;

import dev.vigil.server.view.HtmlViews;
import dev.vigil.server.view.TextViews;

import java.util.Objects;
import java.util.function.Function;

/**
 * A GET resource in every representation: the JSON document (a record, or a {@link RawBody} already in JSON), and
 * how the same resource reads as a text table and as an HTML page. The views run only for the representation
 * asked for.
 */
record Resource(Object json, Function<TextViews, String> text, Function<HtmlViews, String> html) {
    Resource {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }
}
