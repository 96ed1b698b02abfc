package dev.vigil.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Inputs for property tests of parsers and decoders: random text of several shapes, and mutations of a real
 * input (truncation, flipped characters, dropped, repeated and garbage lines). Seeded, so a failure names
 * the seed and the input and can be replayed.
 */
public final class RandomInputs {

    /** Default number of inputs a property test tries. */
    public static final int TRIES = 500;

    private static final String STRUCTURE = " \t\n\r:;=,.#\"'{}[]()<>/\\-_*!$%0123456789";

    private RandomInputs() {
    }

    /** {@code count} random strings: unicode noise, line-structured ASCII, numbers and separators, empty ones. */
    public static List<String> strings(long seed, int count) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        out.add("");
        out.add("\n");
        out.add("\u0000");
        while (out.size() < count) {
            int len = r.nextInt(300);
            StringBuilder sb = new StringBuilder(len);
            int shape = r.nextInt(4);
            for (int i = 0; i < len; i++) {
                sb.append(switch (shape) {
                    case 0 -> (char) r.nextInt(0x3000);
                    case 1 -> STRUCTURE.charAt(r.nextInt(STRUCTURE.length()));
                    case 2 -> r.nextInt(5) == 0 ? STRUCTURE.charAt(r.nextInt(STRUCTURE.length())) : (char) ('a' + r.nextInt(26));
                    default -> r.nextInt(8) == 0 ? '\n' : (char) (' ' + r.nextInt(95));
                });
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** {@code count} random strings of up to {@code maxLength} characters drawn from {@code alphabet}. */
    public static List<String> fromAlphabet(String alphabet, int maxLength, long seed, int count) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        out.add("");
        while (out.size() < count) {
            int len = r.nextInt(maxLength + 1);
            StringBuilder sb = new StringBuilder(len);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** {@code count} damaged copies of {@code base}, as a garbled or truncated command output would be. */
    public static List<String> mutations(String base, long seed, int count) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        out.add(base.substring(0, base.length() / 2));
        while (out.size() < count) {
            String s = base;
            int steps = 1 + r.nextInt(4);
            for (int i = 0; i < steps && !s.isEmpty(); i++) {
                s = switch (r.nextInt(5)) {
                    case 0 -> s.substring(0, r.nextInt(s.length()));
                    case 1 -> flip(s, r);
                    case 2 -> dropLine(s, r);
                    case 3 -> repeatLine(s, r);
                    default -> insertGarbageLine(s, r);
                };
            }
            out.add(s);
        }
        return out;
    }

    private static String flip(String s, Random r) {
        StringBuilder sb = new StringBuilder(s);
        for (int i = 0; i < 1 + r.nextInt(5); i++) {
            sb.setCharAt(r.nextInt(sb.length()), STRUCTURE.charAt(r.nextInt(STRUCTURE.length())));
        }
        return sb.toString();
    }

    private static String dropLine(String s, Random r) {
        List<String> lines = new ArrayList<>(s.lines().toList());
        if (!lines.isEmpty()) {
            lines.remove(r.nextInt(lines.size()));
        }
        return String.join("\n", lines);
    }

    private static String repeatLine(String s, Random r) {
        List<String> lines = new ArrayList<>(s.lines().toList());
        if (!lines.isEmpty()) {
            int i = r.nextInt(lines.size());
            lines.add(i, lines.get(i));
        }
        return String.join("\n", lines);
    }

    private static String insertGarbageLine(String s, Random r) {
        List<String> lines = new ArrayList<>(s.lines().toList());
        String garbage = strings(r.nextLong(), 4).get(3).replace('\n', ' ');
        lines.add(lines.isEmpty() ? 0 : r.nextInt(lines.size()), garbage);
        return String.join("\n", lines);
    }
}
