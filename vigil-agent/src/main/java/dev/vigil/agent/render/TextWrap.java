package dev.vigil.agent.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain-text helpers for the terminal, on text made safe by {@link dev.vigil.core.text.TerminalText}: measuring,
 * padding, wrapping and truncating by code points (a column is one code point; wide CJK glyphs are not accounted
 * for).
 */
final class TextWrap {

    static final String ELLIPSIS = "…";

    private TextWrap() {
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    static String pad(String s, int width) {
        int n = width - length(s);
        return n > 0 ? s + " ".repeat(n) : s;
    }

    /** At most {@code width} code points; a cut string ends with an ellipsis. */
    static String truncate(String s, int width) {
        if (length(s) <= width) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, width - 1)) + ELLIPSIS;
    }

    /**
     * Joins parts with a separator into lines of at most {@code width} code points, breaking only
     * between parts; a part longer than a line is truncated.
     */
    static List<String> join(List<String> parts, String separator, int width) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String part : parts) {
            String p = truncate(part, width);
            if (line.isEmpty()) {
                line = p;
            } else if (length(line) + length(separator) + length(p) <= width) {
                line = line + separator + p;
            } else {
                lines.add(line);
                line = p;
            }
        }
        lines.add(line);
        return lines;
    }

    /**
     * Word-wraps to lines of at most {@code width} code points, splitting words longer than a line;
     * keeps at most {@code maxLines} lines, the last one cut with an ellipsis when text was left over.
     * Always returns at least one line.
     */
    static List<String> wrap(String text, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            while (length(word) > width) {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                int cut = word.offsetByCodePoints(0, width);
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            if (word.isEmpty()) {
                continue;
            }
            if (line.isEmpty()) {
                line.append(word);
            } else if (length(line.toString()) + 1 + length(word) <= width) {
                line.append(' ').append(word);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        String last = kept.getLast();
        kept.set(maxLines - 1, length(last) < width
                ? last + ELLIPSIS
                : last.substring(0, last.offsetByCodePoints(0, width - 1)) + ELLIPSIS);
        return kept;
    }
}
