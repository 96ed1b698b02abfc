package dev.vigil.server.metrics;

/**
 * A set of label pairs, rendered once into the exposition's syntax ({@code a="x",b="y"}, without braces), so that
 * writing a sample costs no formatting. Values are escaped as the format asks: backslash, double quote, newline.
 */
public record Labels(String rendered) {

    /** No labels. */
    public static final Labels NONE = new Labels("");

    /** Labels from name, value pairs, in this order. */
    public static Labels of(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name, value pairs; got " + pairs.length + " strings");
        }
        Labels l = NONE;
        for (int i = 0; i < pairs.length; i += 2) {
            l = l.and(pairs[i], pairs[i + 1]);
        }
        return l;
    }

    /** These labels and one more. */
    public Labels and(String name, String value) {
        if (!name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
            throw new IllegalArgumentException("'" + name + "' is not a label name");
        }
        String pair = name + "=\"" + escape(value) + '"';
        return new Labels(rendered.isEmpty() ? pair : rendered + ',' + pair);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
