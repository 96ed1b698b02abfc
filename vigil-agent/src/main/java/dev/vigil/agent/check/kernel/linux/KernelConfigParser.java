package dev.vigil.agent.check.kernel.linux;

import dev.vigil.agent.check.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a kernel build configuration ({@code /boot/config-<version>}): {@code CONFIG_X=y} and {@code # CONFIG_X is not set}. */
final class KernelConfigParser {

    private static final Pattern SET = Pattern.compile("(CONFIG_[A-Za-z0-9_]+)=(.*)");
    private static final Pattern NOT_SET = Pattern.compile("# (CONFIG_[A-Za-z0-9_]+) is not set");

    private KernelConfigParser() {
    }

    /** The options of one kernel build; an option that is not set reads as {@code n}. */
    record KernelConfig(Map<String, String> options) {
        KernelConfig {
            options = Map.copyOf(options);
        }

        /** The option's value ({@code y}, {@code m}, {@code n}, a number or a quoted string), if the file mentions it. */
        Optional<String> option(String name) {
            return Optional.ofNullable(options.get(name));
        }
    }

    static KernelConfig parse(String text) throws ParseException {
        Map<String, String> options = new HashMap<>();
        for (String raw : text.split("\r?\n|\r")) {
            String line = raw.strip();
            Matcher m = SET.matcher(line);
            if (m.matches()) {
                options.put(m.group(1), m.group(2));
                continue;
            }
            m = NOT_SET.matcher(line);
            if (m.matches()) {
                options.put(m.group(1), "n");
            }
        }
        if (options.isEmpty()) {
            throw new ParseException("expected a kernel configuration (CONFIG_...=... lines), found none");
        }
        return new KernelConfig(options);
    }
}
