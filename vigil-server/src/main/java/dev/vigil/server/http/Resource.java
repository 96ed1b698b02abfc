package dev.vigil.server.http;

import dev.vigil.server.view.HtmlViews;
import dev.vigil.server.view.TextViews;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A GET resource in every representation: the JSON document (a record, or a {@link RawBody} already in JSON), and
 * how the same resource reads as a text table and as an HTML page. Each runs only for the representation asked for:
 * a JSON document that costs a store read (a host's latest report) is made only when JSON is asked for.
 */
record Resource(Supplier<Object> json, Function<TextViews, String> text, Function<HtmlViews, String> html) {
    Resource {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

    /** A resource whose JSON document is already made. */
    Resource(Object json, Function<TextViews, String> text, Function<HtmlViews, String> html) {
        this(() -> json, text, html);
        Objects.requireNonNull(json, "json");
    }
}
