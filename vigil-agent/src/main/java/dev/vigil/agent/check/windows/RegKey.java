package dev.vigil.agent.check.windows;

import dev.vigil.agent.check.ParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A registry key as {@code reg query} printed it: its full path and its values (names compared ignoring case). */
public record RegKey(String path, List<RegValue> values) {

    public RegKey {
        Objects.requireNonNull(path, "path");
        values = List.copyOf(values);
    }

    /** The value called {@code name}, ignoring case as the registry does. */
    public Optional<RegValue> value(String name) {
        return values.stream().filter(v -> v.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * The value called {@code name}, which a {@code reg query KEY /v NAME} that exited 0 must have printed.
     *
     * @throws ParseException when it is not there
     */
    public RegValue require(String name) throws ParseException {
        return value(name).orElseThrow(() -> new ParseException("expected a line '    " + name
                + "    REG_...    <data>' below the key " + path + " in `reg query` output"));
    }
}
