package dev.vigil.core.text;

/**
 * Report text (hostnames, control ids, details: all written by whoever sent the report) made safe for a terminal.
 * The agent's table and the kernel's text views print it through here.
 */
public final class TerminalText {

    private static final int REPLACEMENT = 0xFFFD;

    private TerminalText() {
    }

    /**
     * One line of text that cannot drive the terminal: tabs and line breaks become spaces; other C0 and C1
     * controls (ESC among them), bidirectional overrides and isolates (which can make a terminal show text in
     * another order than it is) and lone surrogates become U+FFFD.
     */
    public static String oneLine(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\t' || cp == '\n' || cp == '\r') {
                sb.append(' ');
            } else if (Character.isISOControl(cp) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
                    || (cp >= 0xD800 && cp <= 0xDFFF)) {
                sb.appendCodePoint(REPLACEMENT);
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
