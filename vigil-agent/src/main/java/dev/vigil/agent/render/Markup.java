package dev.vigil.agent.render;

/**
 * Escaping for HTML and XML output. Every string that comes from a report goes through here.
 *
 * <p>Besides the five markup characters, this replaces every code point that XML 1.0 does not allow
 * (C0 controls other than tab, line feed and carriage return; unpaired surrogates; U+FFFE and U+FFFF)
 * and the DEL and C1 controls that HTML5 forbids with U+FFFD, so that a garbled command output in an evidence excerpt can never make the file
 * unparseable. HTML5 forbids the same controls, so one escaper serves both formats.
 */
final class Markup {

    private static final char REPLACEMENT = '\uFFFD';

    private Markup() {
    }

    /** Escapes text content; line breaks are kept as they are (for {@code <pre>}). */
    static String text(String s) {
        return escape(s, false);
    }

    /** Escapes catalog prose and shows its `backticked` commands as code. */
    static String prose(String s) {
        return CODE.matcher(escape(s, false)).replaceAll("<code>$1</code>");
    }

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("`([^`]+)`");

    /** Escapes an attribute value; tab and line breaks become character references so they survive normalisation. */
    static String attr(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\t' -> sb.append(attribute ? "&#9;" : "\t");
                case '\n' -> sb.append(attribute ? "&#10;" : "\n");
                case '\r' -> sb.append(attribute ? "&#13;" : "\r");
                default -> {
                    if (allowedInXml(cp)) {
                        sb.appendCodePoint(cp);
                    } else {
                        sb.append(REPLACEMENT);
                    }
                }
            }
        });
        return sb.toString();
    }

    /** The XML 1.0 {@code Char} production, minus DEL and the C1 controls, which HTML5 forbids. */
    static boolean allowedInXml(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp < 0x7F)
                || (cp >= 0xA0 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
