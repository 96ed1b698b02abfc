package dev.vigil.agent.check.windows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.agent.check.ParseException;
import dev.vigil.core.json.ReportCodec;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code ... | ConvertTo-Json} prints. The quirks handled here are PowerShell's, not a cmdlet's:
 * <ul>
 *   <li>one result is written as an object, several as an array, none as nothing at all;</li>
 *   <li>Windows PowerShell 5.1 writes enums as their numbers, PowerShell 7 with {@code -EnumsAsStrings} (or a
 *       script that casts) as their names;</li>
 *   <li>5.1 sometimes wraps an array held in a property as {@code {"value": [...], "Count": n}};</li>
 *   <li>5.1 writes dates as {@code "\/Date(ms)\/"} (or, for dates PowerShell decorated, as {@code {"value":
 *       "\/Date(ms)\/", "DateTime": "..."}}), PowerShell 7 as ISO-8601;</li>
 *   <li>booleans may come as JSON booleans, 0/1 or "True"/"False";</li>
 *   <li>the output may start with a byte order mark and end with CRLF.</li>
 * </ul>
 */
public final class PowerShellJson {

    private static final Pattern MS_DATE = Pattern.compile("^/Date\\((-?\\d{1,15})(?:[+-]\\d{4})?\\)/$");

    private PowerShellJson() {
    }

    /**
     * The objects in the output of a command that lists things: none for empty output (an empty pipeline), one for
     * an object, each element for an array.
     *
     * @throws ParseException when the text is not JSON, or holds something other than objects
     */
    public static List<JsonNode> objects(String stdout) throws ParseException {
        String json = stdout.replace("\uFEFF", "").strip();
        return json.isEmpty() ? List.of() : parse(json, "ConvertTo-Json");
    }

    /**
     * The objects in the output of a command that always prints something: the elements of a top-level array, or
     * the one top-level object; empty output is an error.
     *
     * @param what names the command for error messages, e.g. {@code Get-NetFirewallProfile}
     */
    public static List<JsonNode> objects(String text, String what) throws ParseException {
        String json = text.replace("\uFEFF", "").strip();
        if (json.isEmpty()) {
            throw new ParseException("`" + what + "` printed nothing, expected JSON from ConvertTo-Json");
        }
        return parse(json, "`" + what + " | ConvertTo-Json`");
    }

    private static List<JsonNode> parse(String json, String source) throws ParseException {
        JsonNode root;
        try {
            root = ReportCodec.instance().mapper().readTree(json);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new ParseException("expected JSON from " + source + ", got: " + Excerpt.oneLine(json), e);
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw new ParseException("expected a JSON object or array from " + source + ", got: " + Excerpt.oneLine(json));
        }
        if (root.isObject()) {
            return List.of(root);
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : root) {
            if (!e.isObject()) {
                throw new ParseException("expected an array of objects from " + source + ", got an element: " + Excerpt.oneLine(e.toString()));
            }
            out.add(e);
        }
        return List.copyOf(out);
    }

    /** A text field; empty when missing, null or blank. Non-text scalars are given as their text. */
    public static Optional<String> text(JsonNode object, String field) {
        JsonNode n = object.get(field);
        if (n == null || n.isNull() || n.isContainerNode()) {
            return Optional.empty();
        }
        String t = n.asText().strip();
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    /** A boolean field; PowerShell 5.1 writes booleans as JSON booleans, some sources as 0/1 or "True"/"False". */
    public static Optional<Boolean> bool(JsonNode object, String field) {
        JsonNode n = object.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (n.isBoolean()) {
            return Optional.of(n.booleanValue());
        }
        if (n.isIntegralNumber()) {
            return Optional.of(n.longValue() != 0);
        }
        if (n.isTextual()) {
            String t = n.textValue().strip();
            if (t.equalsIgnoreCase("true")) {
                return Optional.of(true);
            }
            if (t.equalsIgnoreCase("false")) {
                return Optional.of(false);
            }
        }
        return Optional.empty();
    }

    /** A whole-number field, written as a whole number or as a string of digits; anything else is empty. */
    public static OptionalLong integer(JsonNode object, String field) {
        JsonNode n = object.get(field);
        if (n != null && n.isIntegralNumber()) {
            return OptionalLong.of(n.longValue());
        }
        if (n != null && n.isTextual() && n.textValue().strip().matches("-?[0-9]{1,18}")) {
            return OptionalLong.of(Long.parseLong(n.textValue().strip()));
        }
        return OptionalLong.empty();
    }

    /** A number field, when present and numeric (or a numeric string, with a decimal point or comma). */
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

    /**
     * A date field in any of PowerShell's spellings: {@code "/Date(ms)/"}, ISO-8601 with or without an offset
     * (without one it is taken as UTC: the dates read here matter to the day), or an object whose {@code value}
     * holds one of those. Empty when missing, null, unreadable, or at or before 1970 (Windows writes 1601-01-01
     * for "never").
     */
    public static Optional<Instant> date(JsonNode object, String field) {
        JsonNode n = object.get(field);
        if (n != null && n.isObject()) {
            return date(n, "value");
        }
        if (n == null || !n.isTextual()) {
            return Optional.empty();
        }
        String t = n.textValue().strip();
        Matcher m = MS_DATE.matcher(t);
        Optional<Instant> at;
        if (m.matches()) {
            at = Optional.of(Instant.ofEpochMilli(Long.parseLong(m.group(1))));
        } else {
            at = iso(t);
        }
        return at.filter(i -> i.isAfter(Instant.EPOCH));
    }

    private static Optional<Instant> iso(String t) {
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeException e) {
            try {
                return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
            } catch (DateTimeException e2) {
                return Optional.empty();
            }
        }
    }
}
