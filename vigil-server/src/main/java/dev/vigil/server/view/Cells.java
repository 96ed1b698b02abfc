package dev.vigil.server.view;

/**
 * Terminal cell arithmetic for text already made safe ({@link dev.vigil.core.text.TerminalText}): measuring it
 * in terminal columns (East Asian wide and fullwidth characters and most emoji take two, combining marks none),
 * padding and truncating with an ellipsis. The wide ranges are the common blocks of Unicode's East Asian Width data,
 * not all of it: a rare glyph may be measured one column off, never split.
 */
final class Cells {

    static final String ELLIPSIS = "…";

    private Cells() {
    }

    /** Terminal columns of a cleaned string. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += width(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || cp == 0x200B) {
            return 0;
        }
        return wide(cp) ? 2 : 1;
    }

    private static boolean wide(int cp) {
        return cp >= 0x1100 && cp <= 0x115F
                || cp >= 0x2E80 && cp <= 0x303E
                || cp >= 0x3041 && cp <= 0x33FF
                || cp >= 0x3400 && cp <= 0x4DBF
                || cp >= 0x4E00 && cp <= 0x9FFF
                || cp >= 0xA000 && cp <= 0xA4CF
                || cp >= 0xAC00 && cp <= 0xD7A3
                || cp >= 0xF900 && cp <= 0xFAFF
                || cp >= 0xFE30 && cp <= 0xFE4F
                || cp >= 0xFF00 && cp <= 0xFF60
                || cp >= 0xFFE0 && cp <= 0xFFE6
                || cp >= 0x1F300 && cp <= 0x1F64F
                || cp >= 0x1F900 && cp <= 0x1F9FF
                || cp >= 0x20000 && cp <= 0x3FFFD;
    }

    /** At most {@code max} columns; a cut string ends with an ellipsis and never splits a character. */
    static String truncate(String s, int max) {
        if (width(s) <= max) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = width(cp);
            if (w + cw > max - 1) {
                break;
            }
            sb.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return sb.append(ELLIPSIS).toString();
    }

    /** Spaces to fill a string of {@code width} columns up to {@code columns}. */
    static String fill(int width, int columns) {
        return " ".repeat(Math.max(0, columns - width));
    }
}
