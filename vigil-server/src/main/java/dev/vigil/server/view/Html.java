package dev.vigil.server.view;

/**
 * An HTML document being written. Every value goes through {@link #text} or an attribute helper, which
 * escape it; only literal markup from the views is appended raw. The output is XHTML-compatible
 * (void elements self-closed, the five XML entities only) so an XML parser can check it.
 */
final class Html {

    private final StringBuilder sb = new StringBuilder(4096);

    /** Literal markup from the views, never a value. */
    Html raw(String markup) {
        sb.append(markup);
        return this;
    }

    /** A value, escaped. */
    Html text(Object value) {
        sb.append(escape(String.valueOf(value)));
        return this;
    }

    /** {@code <a href="url">text</a>}, both escaped. */
    Html link(ResourceUrl url, Object text) {
        return raw("<a href=\"").text(url.toString()).raw("\">").text(text).raw("</a>");
    }

    /** {@code <tag class="cls">text</tag>}; tag and class are literals, the text is escaped. */
    Html element(String tag, String cls, Object text) {
        return raw("<" + tag + " class=\"" + cls + "\">").text(text).raw("</" + tag + ">");
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    /**
     * Escapes text for element content and quoted attributes; control characters other than tab and line
     * breaks, lone surrogates and non-characters (not allowed in XML, parse errors in HTML) become U+FFFD.
     */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\t', '\n', '\r' -> out.appendCodePoint(cp);
                default -> {
                    if (Character.isISOControl(cp) || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF) {
                        out.append('\uFFFD');
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
