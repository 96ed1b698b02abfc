package dev.vigil.server.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the Prometheus text exposition format (0.0.4) strictly, line by line, as a scraper would, and checks
 * what the format requires: every sample after its family's TYPE line, no family declared twice, no series
 * twice, histogram buckets in increasing {@code le} order with non-decreasing cumulative counts, and the
 * {@code +Inf} bucket equal to {@code _count}, and {@code _sum} within what the bucket counts allow (for histograms of
 * non-negative values, as all of the kernel's are). Any violation throws {@link IllegalArgumentException} naming
 * the line or the series.
 */
public final class PrometheusText {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** A family: its type, help, and samples in order. */
    public record Family(String name, String type, String help, List<Sample> samples) {
    }

    private final Map<String, Family> families;

    private PrometheusText(Map<String, Family> families) {
        this.families = families;
    }

    public static PrometheusText parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the exposition does not end with a newline");
        }
        Map<String, Family> families = new LinkedHashMap<>();
        Map<String, String> helps = new LinkedHashMap<>();
        java.util.Set<String> series = new java.util.HashSet<>();
        Family current = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            String where = "line " + (i + 1) + " '" + line + "'";
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) {
                helps.put(m.group(1), m.group(2));
            } else if ((m = TYPE.matcher(line)).matches()) {
                if (families.containsKey(m.group(1))) {
                    throw new IllegalArgumentException(where + ": family declared twice");
                }
                current = new Family(m.group(1), m.group(2), helps.getOrDefault(m.group(1), ""), new ArrayList<>());
                families.put(current.name(), current);
            } else if (line.startsWith("#")) {
                continue;
            } else if ((m = SAMPLE.matcher(line)).matches()) {
                if (current == null || !belongs(m.group(1), current)) {
                    throw new IllegalArgumentException(where + ": sample outside its family's TYPE block");
                }
                Map<String, String> labels = labels(m.group(3) == null ? "" : m.group(3), where);
                if (!series.add(m.group(1) + labels)) {
                    throw new IllegalArgumentException(where + ": series repeated");
                }
                current.samples().add(new Sample(m.group(1), labels, value(m.group(4), where)));
            } else {
                throw new IllegalArgumentException(where + ": neither a comment nor a sample");
            }
        }
        families.values().stream().filter(f -> f.type().equals("histogram")).forEach(PrometheusText::checkHistogram);
        return new PrometheusText(families);
    }

    private static boolean belongs(String sample, Family f) {
        if (f.type().equals("histogram")) {
            return sample.equals(f.name() + "_bucket") || sample.equals(f.name() + "_sum")
                    || sample.equals(f.name() + "_count");
        }
        return sample.equals(f.name());
    }

    private static Map<String, String> labels(String text, String where) {
        Map<String, String> labels = new LinkedHashMap<>();
        Matcher m = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException(where + ": malformed labels at '" + text.substring(at) + "'");
            }
            String value = m.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
            if (labels.put(m.group(1), value) != null) {
                throw new IllegalArgumentException(where + ": label " + m.group(1) + " repeated");
            }
            at = m.end();
        }
        return labels;
    }

    private static double value(String text, String where) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + ": value '" + text + "' is not a number");
                }
            }
        };
    }

    /** Per series (labels without le): buckets ascending and cumulative, +Inf last and equal to _count. */
    private static void checkHistogram(Family f) {
        Map<Map<String, String>, List<Sample>> buckets = new LinkedHashMap<>();
        Map<Map<String, String>, Double> counts = new LinkedHashMap<>();
        Map<Map<String, String>, Double> sums = new LinkedHashMap<>();
        for (Sample s : f.samples()) {
            if (s.name().endsWith("_bucket")) {
                Map<String, String> key = new LinkedHashMap<>(s.labels());
                if (key.remove("le") == null) {
                    throw new IllegalArgumentException(f.name() + ": bucket without le " + s);
                }
                buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            } else if (s.name().endsWith("_count")) {
                counts.put(s.labels(), s.value());
            } else {
                sums.put(s.labels(), s.value());
            }
        }
        buckets.forEach((key, bs) -> {
            double previousLe = Double.NEGATIVE_INFINITY;
            double previousCount = 0;
            double least = 0;
            double most = 0;
            for (Sample b : bs) {
                double le = value(b.labels().get("le"), f.name());
                if (le <= previousLe || b.value() < previousCount) {
                    throw new IllegalArgumentException(f.name() + key + ": bucket " + b.labels().get("le")
                            + " out of order or not cumulative");
                }
                double inBucket = b.value() - previousCount;
                least += inBucket * Math.max(0, previousLe);
                most += inBucket == 0 ? 0 : inBucket * le;
                previousLe = le;
                previousCount = b.value();
            }
            double sum = sums.getOrDefault(key, Double.NaN);
            if (!(sum >= least * (1 - 1e-9) && sum <= most * (1 + 1e-9))) {
                throw new IllegalArgumentException(f.name() + key + ": _sum " + sum + " outside " + least + ".." + most
                        + ", what the buckets allow");
            }
            if (previousLe != Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(f.name() + key + ": no +Inf bucket");
            }
            if (!counts.containsKey(key) || counts.get(key) != previousCount) {
                throw new IllegalArgumentException(f.name() + key + ": _count " + counts.get(key)
                        + " differs from the +Inf bucket " + previousCount);
            }
        });
    }

    public Optional<Family> family(String name) {
        return Optional.ofNullable(families.get(name));
    }

    public Map<String, Family> families() {
        return families;
    }

    /** The value of the one sample named {@code name} with exactly these labels; 0 when there is none. */
    public double value(String name, String... labels) {
        Map<String, String> want = new LinkedHashMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            want.put(labels[i], labels[i + 1]);
        }
        return families.values().stream().flatMap(f -> f.samples().stream())
                .filter(s -> s.name().equals(name) && s.labels().equals(want))
                .mapToDouble(Sample::value).findFirst().orElse(0);
    }
}
