package dev.vigil.agent.check.integrity.linux;

import dev.vigil.agent.check.ParseException;

/**
 * Parses the one-value kernel files the MAC check reads: {@code /sys/fs/selinux/enforce} ({@code 1}
 * enforcing, {@code 0} permissive) and {@code /sys/module/apparmor/parameters/enabled} ({@code Y} or {@code N}).
 */
final class KernelFlagParser {

    private KernelFlagParser() {
    }

    /** Whether SELinux enforces (true) or only logs (false). */
    static boolean selinuxEnforcing(String text) throws ParseException {
        return switch (text.strip()) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new ParseException("unrecognised /sys/fs/selinux/enforce, expected 1 or 0, got: " + shorten(text));
        };
    }

    /** Whether the AppArmor module is enabled. */
    static boolean appArmorEnabled(String text) throws ParseException {
        return switch (text.strip()) {
            case "Y" -> true;
            case "N" -> false;
            default -> throw new ParseException("unrecognised /sys/module/apparmor/parameters/enabled, expected Y or N, got: "
                    + shorten(text));
        };
    }

    private static String shorten(String text) {
        String s = text.strip();
        return s.isEmpty() ? "(empty)" : s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
