package dev.vigil.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads sizes as people write them: {@code 2MiB}, {@code 50MB}, {@code 512k}, {@code 1G}, or plain bytes. Every
 * unit is binary (1k = 1024 bytes), as sizes of files and request bodies usually are meant.
 */
public final class SizeConverter implements CommandLine.ITypeConverter<Long> {

    private static final Pattern FORM = Pattern.compile("(\\d{1,12})\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");

    @Override
    public Long convert(String value) {
        Matcher m = FORM.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size; write e.g. 2MiB, 50MB, 512k or 1048576");
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2) == null ? 'b' : m.group(2).charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        if (n == 0 || Long.numberOfLeadingZeros(n) <= shift + 1) {
            throw new CommandLine.TypeConversionException("size '" + value + "' must be positive and below 8 EiB");
        }
        return n << shift;
    }
}
