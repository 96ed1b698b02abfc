package dev.vigil.agent.check.disk.linux;

import dev.vigil.agent.check.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code /proc/swaps}: a header line ({@code Filename Type Size Used Priority}) then one line
 * per active swap area. The kernel escapes blanks and backslashes in file names as octal, so every
 * entry has exactly five fields.
 */
final class ProcSwaps {

    private static final String DELETED = " (deleted)";

    private ProcSwaps() {
    }

    static List<SwapArea> parse(String text) throws ParseException {
        String[] lines = text.split("\n", -1);
        if (!lines[0].startsWith("Filename")) {
            throw new ParseException("expected the header 'Filename Type Size Used Priority', found '"
                    + MountInfo.abbreviate(lines[0]) + "'");
        }
        List<SwapArea> areas = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            areas.add(entry(line, i + 1));
        }
        return List.copyOf(areas);
    }

    private static SwapArea entry(String line, int number) throws ParseException {
        String[] f = line.split("\\s+");
        if (f.length != 5 || !isNumber(f[2]) || !isNumber(f[3]) || !isNumber(f[4])) {
            throw new ParseException("/proc/swaps line " + number + " is not 'filename type size used priority': "
                    + MountInfo.abbreviate(line));
        }
        SwapArea.Type type = switch (f[1].toLowerCase(Locale.ROOT)) {
            case "partition" -> SwapArea.Type.PARTITION;
            case "file" -> SwapArea.Type.FILE;
            default -> throw new ParseException("/proc/swaps line " + number + ": unknown swap type '" + f[1]
                    + "' (expected partition or file)");
        };
        String path = MountInfo.unescape(f[0]);
        if (path.endsWith(DELETED)) {
            path = path.substring(0, path.length() - DELETED.length());
        }
        return new SwapArea(path, type);
    }

    private static boolean isNumber(String s) {
        return s.matches("-?\\d{1,19}");
    }
}
