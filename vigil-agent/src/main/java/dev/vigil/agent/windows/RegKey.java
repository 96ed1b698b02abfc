package dev.vigil.agent.windows;

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
}
