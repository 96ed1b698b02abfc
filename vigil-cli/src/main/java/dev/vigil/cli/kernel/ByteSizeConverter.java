package dev.vigil.cli.kernel;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads sizes as people write them: {@code 2MiB}, {@code 512KiB}, {@code 1m}, or plain bytes. Units are binary. */
final class ByteSizeConverter implements CommandLine.ITypeConverter<Long> {

    private static final Pattern FORM = Pattern.compile("(\\d{1,12})\\s*(b|k|kib|m|mib|g|gib)?");

    @Override
    public Long convert(String value) {
        Matcher m = FORM.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size; write e.g. 2MiB, 512KiB or 1048576");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        int shift = switch (unit) {
            case "k", "kib" -> 10;
            case "m", "mib" -> 20;
            case "g", "gib" -> 30;
            default -> 0;
        };
        if (n == 0 || Long.numberOfLeadingZeros(n) <= shift + 1) {
            throw new CommandLine.TypeConversionException("size '" + value + "' must be positive and below 8 EiB");
        }
        return n << shift;
    }
}
