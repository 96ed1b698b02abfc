package dev.vigil.agent.check.windows;

import dev.vigil.agent.check.ParseException;
import dev.vigil.agent.probe.Command;
import dev.vigil.agent.probe.CommandResult;
import dev.vigil.agent.probe.HostProbe;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one registry value with {@code reg query KEY /v NAME}. Its output is the same in every display
 * language: the key on one line, then {@code <4 spaces>NAME<4 spaces>REG_TYPE<4 spaces>DATA}. A missing key or
 * value makes reg exit 1 with a (localised) error on stderr; that is an answer ("not set"), not a failure.
 */
public final class Registry {

    private static final Pattern VALUE = Pattern.compile("^ {4}(.+?) {4}(REG_[A-Z_0-9]+)(?: {4}(.*))?$");

    private Registry() {
    }

    /** What reading a value gave. */
    public sealed interface Read {
        /** The value exists. */
        record Value(String name, String type, String data) implements Read {
            public Value {
                Objects.requireNonNull(name, "name");
                Objects.requireNonNull(type, "type");
                Objects.requireNonNull(data, "data");
            }

            /** The data of a REG_DWORD (printed as hex, {@code 0x1}). */
            public long dword() throws ParseException {
                if (!type.equals("REG_DWORD") || !data.matches("0x[0-9a-fA-F]{1,8}")) {
                    throw new ParseException("expected " + name + " to be a REG_DWORD such as 0x1, got " + type + " '" + data + "'");
                }
                return Long.parseLong(data.substring(2), 16);
            }
        }

        /** The key or the value does not exist. */
        record Absent() implements Read {
        }

        /** The value could not be read; {@code reason} says why. */
        record Failed(String reason) implements Read {
            public Failed {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    /** The command that reads {@code name} under {@code key} (e.g. {@code HKLM\SYSTEM\...}). */
    public static Command command(String key, String name) {
        return Command.of("reg", "query", key, "/v", name);
    }

    /** Runs reg query and interprets the answer. */
    public static Read read(HostProbe probe, String key, String name) {
        return switch (probe.run(command(key, name))) {
            case CommandResult.Completed c when c.exitCode() == 0 -> {
                try {
                    yield parse(c.stdout(), name);
                } catch (ParseException e) {
                    yield new Read.Failed(e.getMessage());
                }
            }
            case CommandResult.Completed c when c.exitCode() == 1 && c.stderr().contains("Access is denied") ->
                    new Read.Failed("permission denied reading " + key + "\\" + name);
            case CommandResult.Completed c when c.exitCode() == 1 -> new Read.Absent();
            case CommandResult r -> new Read.Failed(r.describe());
        };
    }

    /** Pure: the value line for {@code name} in reg query's output. */
    public static Read.Value parse(String stdout, String name) throws ParseException {
        boolean sawKey = false;
        for (String raw : stdout.split("\\R")) {
            if (raw.startsWith("HKEY_")) {
                sawKey = true;
                continue;
            }
            Matcher m = VALUE.matcher(raw.stripTrailing());
            if (sawKey && m.matches() && m.group(1).equalsIgnoreCase(name)) {
                return new Read.Value(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3));
            }
        }
        throw new ParseException("expected a line '    " + name + "    REG_...    <data>' below the key in `reg query` output, got: "
                + PowerShellJson.abbreviate(stdout));
    }
}
