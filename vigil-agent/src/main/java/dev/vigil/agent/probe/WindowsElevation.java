package dev.vigil.agent.probe;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

/**
 * Whether this process holds an administrator token on Windows, from shell32's {@code IsUserAnAdmin} through the
 * FFM API (with UAC on, true only in an elevated process). False when not on Windows or on any failure: the
 * checks then say "requires administrator" rather than guess.
 */
public final class WindowsElevation {

    private WindowsElevation() {
    }

    /** Whether the current process is elevated on Windows. */
    public static boolean current() {
        return current(System.getProperty("os.name", ""));
    }

    static boolean current(String osName) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return false;
        }
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle isUserAnAdmin = linker.downcallHandle(
                    SymbolLookup.libraryLookup("shell32", Arena.global()).find("IsUserAnAdmin").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT));
            return (int) isUserAnAdmin.invokeExact() != 0;
        } catch (Throwable e) {
            return false;
        }
    }
}
