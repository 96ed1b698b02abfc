package dev.vigil.agent.check.accounts.linux;

import dev.vigil.agent.check.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses {@code /etc/passwd}: {@code name:password:uid:gid:gecos:home:shell}. NIS compat lines ({@code +}, {@code -})
 * and lines that are not entries are counted, not guessed at.
 */
public final class PasswdParser {

    private PasswdParser() {
    }

    /** One account. The password field is as read, so redacted when read with {@link PasswordHashRedaction}. */
    public record Entry(String name, String password, long uid, long gid, String home, String shell) {
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(shell, "shell");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("an account needs a name");
            }
        }

        public PasswordState passwordState() {
            return PasswordState.of(password);
        }
    }

    /** The accounts, with the line numbers of lines that were not entries and the number of NIS compat lines. */
    public record Passwd(List<Entry> entries, List<Integer> malformedLines, int compatLines) {
        public Passwd {
            entries = List.copyOf(entries);
            malformedLines = List.copyOf(malformedLines);
        }
    }

    public static Passwd parse(String text) throws ParseException {
        List<Entry> entries = new ArrayList<>();
        List<Integer> malformed = new ArrayList<>();
        int compat = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("+") || line.startsWith("-")) {
                compat++;
                continue;
            }
            String[] f = line.split(":", -1);
            Long uid = f.length >= 4 ? id(f[2]) : null;
            Long gid = f.length >= 4 ? id(f[3]) : null;
            if (f.length < 4 || f.length > 7 || f[0].isEmpty() || uid == null || gid == null) {
                malformed.add(i + 1);
                continue;
            }
            entries.add(new Entry(f[0], f[1], uid, gid, f.length > 5 ? f[5] : "", f.length > 6 ? f[6] : ""));
        }
        if (entries.isEmpty()) {
            throw new ParseException("expected passwd entries (name:password:uid:gid:gecos:home:shell), found "
                    + (malformed.isEmpty() ? "none" : "only " + malformed.size() + " malformed lines"));
        }
        return new Passwd(entries, malformed, compat);
    }

    private static Long id(String s) {
        return s.matches("[0-9]{1,10}") ? Long.parseLong(s) : null;
    }
}
