package dev.vigil.agent.check;

import dev.vigil.core.report.OsFamily;
import java.util.List;
import java.util.stream.Stream;

/** Every check Vigil has: one list per platform, each in catalog order. */
public final class Checks {

    private static final List<Check> ALL = Stream.of(LinuxChecks.ALL, WindowsChecks.ALL, MacChecks.ALL)
            .flatMap(List::stream).toList();

    private Checks() {
    }

    /** All checks, for every platform. */
    public static List<Check> all() {
        return ALL;
    }

    /** The checks that run on {@code family}. */
    public static List<Check> forPlatform(OsFamily family) {
        return ALL.stream().filter(c -> c.platforms().contains(family)).toList();
    }
}
