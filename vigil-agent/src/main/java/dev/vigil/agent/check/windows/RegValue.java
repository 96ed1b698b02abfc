package dev.vigil.agent.check.windows;

import dev.vigil.agent.check.ParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One registry value as {@code reg query} prints it: name, type ({@code REG_SZ}, {@code REG_DWORD}, ...) and data
 * as text ({@code 0x1} for numbers, strings joined by a literal {@code \0} for {@code REG_MULTI_SZ}).
 */
public record RegValue(String name, String type, String data) {

    public RegValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        data = Objects.requireNonNullElse(data, "");
    }

    /** The number held by a {@code REG_DWORD}/{@code REG_QWORD} ({@code 0x...}) or a decimal string value. */
    public Optional<Long> number() {
        String d = data.strip();
        try {
            if (d.startsWith("0x") || d.startsWith("0X")) {
                return Optional.of(Long.parseUnsignedLong(d.substring(2), 16));
            }
            return d.matches("-?[0-9]{1,18}") ? Optional.of(Long.parseLong(d)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The data of a {@code REG_DWORD} (printed as hex, {@code 0x1}); strict, unlike {@link #number()}.
     *
     * @throws ParseException when the value is of another type or its data is not such a number
     */
    public long dword() throws ParseException {
        if (!type.equals("REG_DWORD") || !data.matches("0x[0-9a-fA-F]{1,8}")) {
            throw new ParseException("expected " + name + " to be a REG_DWORD such as 0x1, got " + type + " '" + data + "'");
        }
        return Long.parseLong(data.substring(2), 16);
    }

    /** The non-empty strings of a {@code REG_MULTI_SZ} (reg prints them joined by a literal backslash-zero). */
    public List<String> strings() {
        return parts().stream().filter(s -> !s.isBlank()).toList();
    }

    /** Every string of a {@code REG_MULTI_SZ}, empty ones included, without the empty ones that end it. */
    public List<String> parts() {
        List<String> all = Arrays.asList(data.split("\\\\0", -1));
        int end = all.size();
        while (end > 0 && all.get(end - 1).isBlank()) {
            end--;
        }
        return List.copyOf(all.subList(0, end));
    }
}
