package dev.vigil.agent.check;

import dev.vigil.core.report.OsFamily;
import java.util.List;
import java.util.stream.Stream;

/** Every check Vigil has: one list per platform, each in catalog order. */
public final class Checks {

    private Checks() {
    }

    /** All checks, for every platform. */
    public static List<Check> all() {
        return Stream.of(LinuxChecks.ALL, WindowsChecks.ALL, MacChecks.ALL).flatMap(List::stream).toList();
    }

    /**
     * The checks that run on {@code family}. Only that platform's list is touched, so an audit loads none of the
     * other platforms' check classes (start-up time).
     */
    public static List<Check> forPlatform(OsFamily family) {
        List<Check> list = switch (family) {
            case LINUX -> LinuxChecks.ALL;
            case WINDOWS -> WindowsChecks.ALL;
            case MACOS -> MacChecks.ALL;
        };
        return list.stream().filter(c -> c.platforms().contains(family)).toList();
    }
}
