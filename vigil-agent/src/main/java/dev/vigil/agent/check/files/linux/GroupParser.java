package dev.vigil.agent.check.files.linux;

import dev.vigil.agent.check.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Parses {@code /etc/group} ({@code name:password:gid:members}) into group names by id; other lines are ignored. */
final class GroupParser {

    private GroupParser() {
    }

    /** Group names by group id; the first entry for an id wins, as getgrgid(3) returns it. */
    record Groups(Map<Long, String> names) {
        Groups {
            names = Map.copyOf(names);
        }

        Optional<String> name(long gid) {
            return Optional.ofNullable(names.get(gid));
        }
    }

    static Groups parse(String text) throws ParseException {
        Map<Long, String> names = new HashMap<>();
        for (String line : text.split("\r?\n")) {
            if (line.isBlank() || line.startsWith("+") || line.startsWith("-")) {
                continue;
            }
            String[] f = line.split(":", -1);
            if (f.length < 3 || f.length > 4 || f[0].isEmpty() || !f[2].matches("[0-9]{1,10}")) {
                continue;
            }
            names.putIfAbsent(Long.parseLong(f[2]), f[0]);
        }
        if (names.isEmpty()) {
            throw new ParseException("expected group entries (name:password:gid:members), found none");
        }
        return new Groups(names);
    }
}
