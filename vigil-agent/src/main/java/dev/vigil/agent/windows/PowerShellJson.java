package dev.vigil.agent.windows;

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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PowerShell's {@code ConvertTo-Json} output. Its quirks: one object when the pipeline held one item and an
 * array when it held several (nothing at all when it held none); Windows PowerShell 5.1 writes enums as numbers
 * and dates as {@code "\/Date(ms)\/"} (or, for dates PowerShell decorated, as {@code {"value": "\/Date(ms)\/",
 * "DateTime": "..."}}), PowerShell 7 writes ISO-8601 dates and may write enums as names.
 */
public final class PowerShellJson {

    private static final Pattern MS_DATE = Pattern.compile("^/Date\\((-?\\d{1,15})(?:[+-]\\d{4})?\\)/$");

    private PowerShellJson() {
    }

    /**
     * The objects in the output: none for empty output, one for an object, each element for an array.
     *
     * @throws ParseException when the text is not JSON, or holds something other than objects
     */
    public static List<JsonNode> objects(String stdout) throws ParseException {
        String text = stdout.replace("\uFEFF", "").strip();
        if (text.isEmpty()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = ReportCodec.instance().mapper().readTree(text);
        } catch (IOException | RuntimeException e) {
            throw new ParseException("expected JSON from ConvertTo-Json, got: " + Excerpt.of(text), e);
        }
        if (root != null && root.isObject()) {
            return List.of(root);
        }
        if (root != null && root.isArray()) {
            List<JsonNode> all = new ArrayList<>();
            for (JsonNode n : root) {
                if (!n.isObject()) {
                    throw new ParseException("expected an array of objects from ConvertTo-Json, got an element " + Excerpt.of(n.toString()));
                }
                all.add(n);
            }
            return List.copyOf(all);
        }
        throw new ParseException("expected a JSON object or array from ConvertTo-Json, got: " + Excerpt.of(text));
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

    /** A whole-number field, written as a number or as a numeric string. */
    public static OptionalLong number(JsonNode object, String field) {
        JsonNode n = object.get(field);
        if (n != null && n.isIntegralNumber()) {
            return OptionalLong.of(n.longValue());
        }
        if (n != null && n.isTextual() && n.textValue().strip().matches("-?[0-9]{1,18}")) {
            return OptionalLong.of(Long.parseLong(n.textValue().strip()));
        }
        return OptionalLong.empty();
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
