package dev.vigil.agent.probe;

import dev.vigil.core.report.OsFamily;
import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this process runs with root privileges. On Linux the effective user id comes from
 * {@code /proc/self/status} (instant); elsewhere, or when that is unreadable, from libc's {@code geteuid}
 * through the FFM API, whose first use costs some 30 ms of start-up. Windows administrator detection
 * belongs to the Windows probe.
 */
public final class Elevation {

    private Elevation() {
    }

    /** Whether the current process is elevated; false when it cannot be told. */
    public static boolean current(OsFamily family) {
        if (family == OsFamily.WINDOWS) {
            return WindowsElevation.current();
        }
        return effectiveUserId() == 0;
    }

    /** The effective user id, or -1 when it cannot be told. */
    public static long effectiveUserId() {
        long fromProc = fromProcStatus(Path.of("/proc/self/status"));
        return fromProc >= 0 ? fromProc : fromLibc();
    }

    /** The effective uid from a {@code /proc/PID/status} file ("Uid: real effective saved fs"), or -1. */
    static long fromProcStatus(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Uid:")) {
                    String[] ids = line.substring(4).strip().split("\\s+");
                    return ids.length >= 2 ? Long.parseLong(ids[1]) : -1;
                }
            }
            return -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static long fromLibc() {
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
