package dev.vigil.server.metrics;

import java.nio.charset.StandardCharsets;

/** Writes metric families in the Prometheus text exposition format, version 0.0.4. */
public final class Exposition {

    /** The media type of the format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** A family's type, as the TYPE line spells it. */
    public enum Type {
        COUNTER, GAUGE, HISTOGRAM;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final StringBuilder out = new StringBuilder(8192);

    /** Starts a family: its HELP and TYPE lines. The samples that follow must carry its name. */
    public Exposition family(String name, Type type, String help) {
        out.append("# HELP ").append(name).append(' ')
                .append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type.id()).append('\n');
        return this;
    }

    /** One sample with a whole-number value. */
    public Exposition sample(String name, Labels labels, long value) {
        series(name, labels).append(value).append('\n');
        return this;
    }

    /** One sample with a real value ({@code +Inf}, {@code -Inf} and {@code NaN} spelled as the format asks). */
    public Exposition sample(String name, Labels labels, double value) {
        series(name, labels).append(format(value)).append('\n');
        return this;
    }

    private StringBuilder series(String name, Labels labels) {
        out.append(name);
        if (!labels.rendered().isEmpty()) {
            out.append('{').append(labels.rendered()).append('}');
        }
        return out.append(' ');
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** What was written, as UTF-8. */
    public byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
