package dev.vigil.dist;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The launchers' JVM options as packaging/jvm-options.properties gives them, in the form
 * {@code -XX:+PrintCommandLineFlags} prints them: {@code -Xmx384m} as {@code -XX:MaxHeapSize=402653184},
 * {@code -XX:MaxRAM=1g} as {@code -XX:MaxRAM=1073741824}.
 */
record JvmOptions(List<String> fast, List<String> serve) {

    static final Path REPO = Path.of(System.getProperty("vigil.dist.repo", ".."));
    static final Path FILE = REPO.resolve("packaging/jvm-options.properties");

    /** A flag set to a size with a unit, like -XX:MaxRAM=1g, which the JVM prints in bytes. */
    private static final Pattern SIZED_FLAG = Pattern.compile("(-XX:\\w+=)(\\d+[kKmMgG])");

    static JvmOptions read() {
        Properties p = file();
        return new JvmOptions(printed(p.getProperty("jvm.fast")), printed(p.getProperty("jvm.serve")));
    }

    /** The file as it is: jvm.common, jvm.fast and jvm.serve, each a list of options separated by spaces. */
    static Properties file() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(FILE)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The -X options of a set as the JVM prints its flags; the others (-D, --enable-...) it does not print. */
    private static List<String> printed(String options) {
        return Arrays.stream(options.strip().split(" +"))
                .map(JvmOptions::asFlag)
                .filter(o -> o.startsWith("-XX:"))
                .toList();
    }

    private static String asFlag(String option) {
        if (option.startsWith("-Xmx")) {
            return "-XX:MaxHeapSize=" + bytes(option.substring(4));
        }
        if (option.startsWith("-Xss")) {
            return "-XX:ThreadStackSize=" + bytes(option.substring(4)) / 1024;
        }
        Matcher size = SIZED_FLAG.matcher(option);
        return size.matches() ? size.group(1) + bytes(size.group(2)) : option;
    }

    private static long bytes(String size) {
        long n = Long.parseLong(size.substring(0, size.length() - 1));
        return switch (Character.toLowerCase(size.charAt(size.length() - 1))) {
            case 'k' -> n << 10;
            case 'm' -> n << 20;
            case 'g' -> n << 30;
            default -> throw new IllegalArgumentException("size without k, m or g: " + size);
        };
    }
}
