package dev.vigil.agent.check.windows;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code reg query KEY [/v NAME]}: the command and its output. The output is the same in every display language: a
 * blank line, the key's full path ({@code HKEY_LOCAL_MACHINE\...}) at the start of a line, its values indented as
 * {@code NAME    TYPE    DATA} (four spaces apart; names and data may hold single spaces; an empty string value has
 * no data column), then the paths of its subkeys.
 *
 * <p>A missing key or value makes reg exit 1 with a localised error on stderr ("ERROR: The system was unable to find
 * the specified registry key or value." in English): exit 1 is that answer ("not set"), whatever the language.
 * Access denied also exits 1; its English message is recognised and read as a failure, not as absence.
 */
public final class Registry {

    private static final Pattern VALUE = Pattern.compile("^[ \\t]+(\\S.*?)[ \\t]{2,}(REG_[A-Z0-9_]+)(?:[ \\t]+(.*?))?[ \\t]*$");
    private static final String ACCESS_DENIED = "access is denied";

    private Registry() {
    }

    /** {@code reg query KEY}: the key's values and subkeys. */
    public static Command key(String key) {
        return Command.of("reg", "query", key);
    }

    /** {@code reg query KEY /v NAME}: one value (e.g. {@code HKLM\SYSTEM\...}, {@code fDenyTSConnections}). */
    public static Command value(String key, String name) {
        return Command.of("reg", "query", key, "/v", name);
    }

    /** What a {@code reg query} gave: the key, its absence, or a failure that says nothing about either. */
    public sealed interface Read {
        /** The key (with the asked-for value, if one was asked for) exists; subkeys follow the key in order. */
        record Found(RegKey key, List<String> subkeys) implements Read {
            public Found {
                Objects.requireNonNull(key, "key");
                subkeys = List.copyOf(subkeys);
            }
        }

        /** The key or the value does not exist. */
        record Absent() implements Read {
        }

        /** No answer: the reason is for an UNKNOWN finding. */
        record Failed(String reason) implements Read {
            public Failed {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    /** Interprets a {@code reg query} result; pure. */
    public static Read read(CommandResult result) {
        return switch (result) {
            case CommandResult.Completed c when c.exitCode() == 0 -> {
                if (c.stdout().isBlank()) {
                    yield new Read.Found(new RegKey(c.argv().size() > 2 ? c.argv().get(2) : "", List.of()), List.of());
                }
                try {
                    List<RegKey> keys = parse(c.stdout());
                    yield new Read.Found(keys.getFirst(), keys.stream().skip(1).map(RegKey::path).toList());
                } catch (ParseException e) {
                    yield new Read.Failed(e.getMessage());
                }
            }
            case CommandResult.Completed c when c.exitCode() == 1
                    && !(c.stderr() + c.stdout()).toLowerCase(Locale.ROOT).contains(ACCESS_DENIED) -> new Read.Absent();
            case CommandResult r -> new Read.Failed(r.describe());
        };
    }

    /**
     * Parses the output into keys in the order printed (the queried key first, then its subkeys), each with the
     * values listed under it. Lines it does not know are skipped.
     *
     * @throws ParseException when no key path ({@code HKEY_...}) is printed at all
     */
    public static List<RegKey> parse(String stdout) throws ParseException {
        List<RegKey> keys = new ArrayList<>();
        String path = null;
        List<RegValue> values = new ArrayList<>();
        for (String line : stdout.split("\r?\n|\r")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("HKEY_")) {
                if (path != null) {
                    keys.add(new RegKey(path, values));
                }
                path = line.strip();
                values = new ArrayList<>();
                continue;
            }
            Matcher m = VALUE.matcher(line);
            if (path != null && m.matches()) {
                values.add(new RegValue(m.group(1), m.group(2), m.group(3)));
            }
        }
        if (path == null) {
            throw new ParseException("expected `reg query` output with a key path (HKEY_...), got: " + Excerpt.of(stdout));
        }
        keys.add(new RegKey(path, values));
        return List.copyOf(keys);
    }
}
