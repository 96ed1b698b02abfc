package dev.vigil.cli;

import dev.vigil.core.report.OsFamily;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Tells whether vigil was started by double-clicking it in Explorer: then Windows made a console just for this
 * process, which closes the moment it exits, and the person never sees the result. kernel32's
 * {@code GetConsoleProcessList} says how many processes share the console; alone means nobody else (no shell)
 * will show what is left on it.
 */
final class WindowsConsole {

    private WindowsConsole() {
    }

    /** Whether this process is alone on a console of its own; false off Windows or when it cannot be told. */
    static boolean ownedByThisProcessOnly() {
        if (OsFamily.current() != OsFamily.WINDOWS) {
            return false;
        }
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup kernel32 = SymbolLookup.libraryLookup("kernel32", arena);
            MethodHandle getConsoleProcessList = Linker.nativeLinker().downcallHandle(
                    kernel32.find("GetConsoleProcessList").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            MemorySegment ids = arena.allocate(ValueLayout.JAVA_INT, 4);
            int count = (int) getConsoleProcessList.invokeExact(ids, 4);
            return count == 1;
        } catch (Throwable e) {
            return false;
        }
    }

    /** Keeps the window open until the person presses Enter. */
    static void waitForEnter(PrintWriter out, InputStream in) {
        out.println();
        out.print("Press Enter to close this window.");
        out.flush();
        try {
            while (true) {
                int c = in.read();
                if (c == -1 || c == '\n') {
                    return;
                }
            }
        } catch (IOException e) {
            // nothing to wait on
        }
    }
}
