package dev.vigil.agent.check.logging.linux;

import dev.vigil.agent.check.ParseException;
import java.util.Optional;

/** Parses a journald.conf (or drop-in): the {@code Storage=} setting of the {@code [Journal]} section, the last one winning. */
final class JournaldConfParser {

    private JournaldConfParser() {
    }

    static Optional<String> storage(String text) throws ParseException {
        if (text.indexOf('\0') >= 0) {
            throw new ParseException("expected journald configuration as text, found binary data (a NUL byte)");
        }
        String section = "";
        String storage = null;
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line;
            } else if (section.equals("[Journal]") && line.startsWith("Storage=")) {
                storage = line.substring("Storage=".length()).strip();
            }
        }
        return Optional.ofNullable(storage).filter(s -> !s.isEmpty());
    }
}
