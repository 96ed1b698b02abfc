package dev.vigil.agent.check.accounts.linux;

import dev.vigil.agent.check.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses {@code /etc/shadow} (read redacted): {@code name:password:lastchange:min:max:warn:inactive:expire:reserved}.
 * Only the name and the password field matter here; lines that are not entries are counted.
 */
final class ShadowParser {

    private ShadowParser() {
    }

    record Entry(String name, String password) {
        Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(password, "password");
        }

        PasswordState passwordState() {
            return PasswordState.of(password);
        }
    }

    record Shadow(List<Entry> entries, List<Integer> malformedLines) {
        Shadow {
            entries = List.copyOf(entries);
            malformedLines = List.copyOf(malformedLines);
        }
    }

    static Shadow parse(String text) throws ParseException {
        List<Entry> entries = new ArrayList<>();
        List<Integer> malformed = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("+") || line.startsWith("-")) {
                continue;
            }
            String[] f = line.split(":", -1);
            if (f.length < 2 || f.length > 9 || f[0].isEmpty()) {
                malformed.add(i + 1);
                continue;
            }
            entries.add(new Entry(f[0], f[1]));
        }
        if (entries.isEmpty()) {
            throw new ParseException("expected shadow entries (name:password:lastchange:...), found "
                    + (malformed.isEmpty() ? "none" : "only " + malformed.size() + " malformed lines"));
        }
        return new Shadow(entries, malformed);
    }
}
