package dev.vigil.agent.probe;

import dev.vigil.core.report.OsFamily;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Whether this process runs with root privileges: the effective user id from libc's {@code geteuid}
 * through the FFM API. Windows administrator detection belongs to the Windows probe.
 */
public final class Elevation {

    private Elevation() {
    }

    /** Whether the current process is elevated; false when it cannot be told. */
    public static boolean current(OsFamily family) {
        if (family == OsFamily.WINDOWS) {
            return false;
        }
        return effectiveUserId() == 0;
    }

    /** The effective user id, or -1 when libc cannot be reached. */
    public static long effectiveUserId() {
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle geteuid = linker.downcallHandle(
                    linker.defaultLookup().find("geteuid").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT));
            return Integer.toUnsignedLong((int) geteuid.invokeExact());
        } catch (Throwable e) {
            return -1;
        }
    }
}
