package dev.vigil.cli;

import dev.vigil.agent.probe.Elevation;
import dev.vigil.core.report.OsFamily;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Re-runs the current command through sudo when the process is not root. */
final class Elevate {

    private Elevate() {
    }

    /** The exit code of the elevated run, or empty when this process is already elevated and should go on. */
    static OptionalInt relaunchIfNeeded(PrintWriter err) {
        OsFamily family = OsFamily.current();
        if (Elevation.current(family)) {
            return OptionalInt.empty();
        }
        if (family == OsFamily.WINDOWS) {
            throw new UsageException("--elevate on Windows is not available yet; start the terminal as administrator");
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) {
            throw new UsageException("--elevate cannot tell how this process was started; run it with sudo yourself");
        }
        List<String> argv = new ArrayList<>();
        argv.add("sudo");
        argv.add("--");
        argv.add(info.command().get());
        for (String a : info.arguments().get()) {
            if (!a.equals("--elevate")) {
                argv.add(a);
            }
        }
        err.println("vigil: not running as root; re-running through sudo");
        err.flush();
        try {
            Process p = new ProcessBuilder(argv).inheritIO().start();
            return OptionalInt.of(p.waitFor());
        } catch (IOException e) {
            throw new UsageException("--elevate needs sudo, which could not be started: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(ExitCodes.INTERNAL);
        }
    }
}
