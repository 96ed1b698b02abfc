package dev.vigil.agent.check.disk.linux;

import dev.vigil.agent.check.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code /proc/self/mountinfo} (proc(5)): {@code id parent major:minor root mountpoint options
 * [optional fields...] - fstype source superoptions}, with spaces, tabs, newlines and backslashes in
 * paths written as octal escapes ({@code \040}).
 */
final class MountInfo {

    private static final Pattern DEVICE = Pattern.compile("(\\d{1,10}):(\\d{1,10})");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([0-7]{3})");

    private MountInfo() {
    }

    /** Every mount, in the kernel's order (later mounts shadow earlier ones at the same point). */
    static List<Mount> parse(String text) throws ParseException {
        List<Mount> mounts = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            mounts.add(line(line.strip(), number));
        }
        if (mounts.isEmpty()) {
            throw new ParseException("no mounts in /proc/self/mountinfo");
        }
        return List.copyOf(mounts);
    }

    private static Mount line(String line, int number) throws ParseException {
        String[] f = line.split(" ");
        int separator = -1;
        for (int i = 6; i < f.length; i++) {
            if (f[i].equals("-")) {
                separator = i;
                break;
            }
        }
        if (f.length < 7 || separator < 0 || f.length < separator + 3) {
            throw new ParseException("mountinfo line " + number + " is not 'id parent major:minor root mountpoint options"
                    + " [optional...] - fstype source superoptions': " + abbreviate(line));
        }
        Matcher device = DEVICE.matcher(f[2]);
        if (!device.matches()) {
            throw new ParseException("mountinfo line " + number + ": expected major:minor, found '" + abbreviate(f[2]) + "'");
        }
        try {
            return new Mount(Integer.parseInt(device.group(1)), Integer.parseInt(device.group(2)),
                    unescape(f[3]), unescape(f[4]), unescape(f[separator + 1]), unescape(f[separator + 2]));
        } catch (NumberFormatException e) {
            throw new ParseException("mountinfo line " + number + ": device number out of range: " + f[2], e);
        }
    }

    /** The mount visible at {@code mountPoint}: the last one mounted there. */
    static Optional<Mount> at(List<Mount> mounts, String mountPoint) {
        Mount found = null;
        for (Mount m : mounts) {
            if (m.mountPoint().equals(mountPoint)) {
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The mount that holds {@code path}: the deepest mount point above it, the last one mounted there. */
    static Optional<Mount> containing(List<Mount> mounts, String path) {
        Mount found = null;
        for (Mount m : mounts) {
            if (isUnder(path, m.mountPoint())
                    && (found == null || m.mountPoint().length() >= found.mountPoint().length())) {
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }

    static boolean isUnder(String path, String mountPoint) {
        return mountPoint.equals("/") ? path.startsWith("/")
                : path.equals(mountPoint) || path.startsWith(mountPoint + "/");
    }

    /** Decodes the kernel's octal escapes ({@code \040} for a space). */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        Matcher m = ESCAPE.matcher(field);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 8))));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
