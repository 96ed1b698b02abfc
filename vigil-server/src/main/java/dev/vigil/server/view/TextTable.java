package dev.vigil.server.view;

import dev.vigil.core.text.Ansi;
import dev.vigil.core.text.Sgr;
import dev.vigil.core.text.TerminalText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A text table for terminals: each column as wide as its widest cell (header included), capped at the
 * column's maximum with an ellipsis, cells optionally coloured. Columns are separated by two spaces and
 * trailing blanks are trimmed.
 */
final class TextTable {

    enum Align { LEFT, RIGHT }

    /** A column: header, alignment and maximum width in terminal columns. */
    record Column(String header, Align align, int max) {
        static Column left(String header, int max) {
            return new Column(header, Align.LEFT, max);
        }

        static Column right(String header) {
            return new Column(header, Align.RIGHT, 12);
        }
    }

    /** One cell: raw text (cleaned and truncated here) and an optional SGR colour. */
    record Cell(String text, Optional<Sgr> color) {
        static Cell plain(Object value) {
            return new Cell(String.valueOf(value), Optional.empty());
        }

        static Cell colored(Object value, Sgr color) {
            return new Cell(String.valueOf(value), Optional.of(color));
        }
    }

    private final List<Column> columns;
    private final List<Cell[]> rows = new ArrayList<>();

    TextTable(Column... columns) {
        this.columns = List.of(columns);
    }

    TextTable row(Cell... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
        }
        rows.add(cells);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table, one line per row after the header, each line ending with a newline. */
    String render(Ansi ansi) {
        return render(ansi, true);
    }

    /** The rows alone, for a list of label and value pairs. */
    String renderRows(Ansi ansi) {
        return render(ansi, false);
    }

    private String render(Ansi ansi, boolean withHeader) {
        List<String[]> texts = new ArrayList<>();
        int[] widths = new int[columns.size()];
        String[] header = new String[columns.size()];
        for (int c = 0; c < header.length; c++) {
            header[c] = Cells.truncate(columns.get(c).header(), columns.get(c).max());
            widths[c] = withHeader ? Cells.width(header[c]) : 0;
        }
        for (Cell[] row : rows) {
            String[] t = new String[row.length];
            for (int c = 0; c < row.length; c++) {
                t[c] = Cells.truncate(TerminalText.oneLine(row[c].text()), columns.get(c).max());
                widths[c] = Math.max(widths[c], Cells.width(t[c]));
            }
            texts.add(t);
        }
        StringBuilder out = new StringBuilder();
        Cell[] headerCells = Arrays.stream(header).map(h -> Cell.colored(h, Sgr.BOLD)).toArray(Cell[]::new);
        if (withHeader) {
            line(out, ansi, header, headerCells, widths);
        }
        for (int r = 0; r < rows.size(); r++) {
            line(out, ansi, texts.get(r), rows.get(r), widths);
        }
        return out.toString();
    }

    private void line(StringBuilder out, Ansi ansi, String[] texts, Cell[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < texts.length; c++) {
            String text = texts[c];
            String pad = Cells.fill(Cells.width(text), widths[c]);
            String painted = cells[c].color().map(color -> ansi.paint(text, color)).orElse(text);
            if (c > 0) {
                line.append("  ");
            }
            line.append(columns.get(c).align() == Align.RIGHT ? pad + painted : painted + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
