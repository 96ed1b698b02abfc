package dev.vigil.agent.check.windows;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.agent.check.ParseException;
import dev.vigil.core.json.ReportCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what {@code ... | ConvertTo-Json} prints. The quirks handled here are PowerShell's, not a cmdlet's:
 * <ul>
 *   <li>one result is written as an object, several as an array;</li>
 *   <li>Windows PowerShell 5.1 writes enums as their numbers, PowerShell 7 with {@code -EnumsAsStrings} (or a
 *       script that casts) as their names;</li>
 *   <li>5.1 sometimes wraps an array held in a property as {@code {"value": [...], "Count": n}};</li>
 *   <li>the output may start with a byte order mark and end with CRLF.</li>
 * </ul>
 */
public final class PowerShellJson {

    private PowerShellJson() {
    }

    /**
     * The objects in the output: the elements of a top-level array, or the one top-level object.
     *
     * @param what names the command for error messages, e.g. {@code Get-NetFirewallProfile}
     */
    public static List<JsonNode> objects(String text, String what) throws ParseException {
        String json = text.strip();
        if (json.startsWith("\uFEFF")) {
            json = json.substring(1).strip();
        }
        if (json.isEmpty()) {
            throw new ParseException("`" + what + "` printed nothing, expected JSON from ConvertTo-Json");
        }
        JsonNode root;
        try {
            root = ReportCodec.instance().mapper().readTree(json);
        } catch (JacksonException | StackOverflowError e) {
            throw new ParseException("expected JSON from `" + what + " | ConvertTo-Json`, got: " + abbreviate(json), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ParseException("expected JSON from `" + what + " | ConvertTo-Json`, got: " + abbreviate(json));
        }
        List<JsonNode> out = new ArrayList<>();
        if (root.isObject()) {
            out.add(root);
        } else if (root.isArray()) {
            for (JsonNode e : root) {
                if (!e.isObject()) {
                    throw new ParseException("expected an array of objects from `" + what + "`, got an element: " + abbreviate(e.toString()));
                }
                out.add(e);
            }
        } else {
            throw new ParseException("expected a JSON object or array from `" + what + "`, got: " + abbreviate(json));
        }
        return List.copyOf(out);
    }

    /** A text field, when present and not null. */
    public static Optional<String> text(JsonNode object, String field) {
        JsonNode n = object.get(field);
        return n == null || n.isNull() || n.isContainerNode() ? Optional.empty() : Optional.of(n.asText());
    }

    /** A number field, when present and numeric (or a numeric string). */
    public static Optional<Double> number(JsonNode object, String field) {
        JsonNode n = object.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (n.isNumber()) {
            return Optional.of(n.asDouble());
        }
        if (n.isTextual()) {
            try {
                return Optional.of(Double.parseDouble(n.asText().strip().replace(',', '.')));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * An enum field as its name: a number is looked up in {@code names}, a name is matched to the spelling in
     * {@code names} ignoring case. Empty when absent or null; an unknown number or name comes back as written,
     * so that the caller can say what it did not recognise.
     */
    public static Optional<String> enumName(JsonNode object, String field, Map<Integer, String> names) {
        JsonNode n = object.get(field);
        if (n == null || n.isNull() || n.isContainerNode()) {
            return Optional.empty();
        }
        if (n.isIntegralNumber()) {
            return Optional.of(names.getOrDefault(n.asInt(), String.valueOf(n.asLong())));
        }
        String written = n.asText().strip();
        for (String name : names.values()) {
            if (name.equalsIgnoreCase(written)) {
                return Optional.of(name);
            }
        }
        return Optional.of(written);
    }

    /** A list field: an array, a single value, or 5.1's {@code {"value": [...]}} wrapper; the elements as text. */
    public static List<String> texts(JsonNode object, String field) {
        JsonNode n = object.get(field);
        if (n != null && n.isObject() && n.get("value") != null) {
            n = n.get("value");
        }
        if (n == null || n.isNull()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            for (JsonNode e : n) {
                if (e.isValueNode() && !e.isNull()) {
                    out.add(e.asText());
                }
            }
        } else if (n.isValueNode()) {
            out.add(n.asText());
        }
        return List.copyOf(out);
    }

    /** One line, at most 80 characters, for error messages. */
    public static String abbreviate(String s) {
        String one = s.strip().replaceAll("\\s*\\R\\s*", " ");
        return one.isEmpty() ? "(empty)" : one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }
}
