package dev.vigil.cli;

import dev.vigil.agent.probe.Elevation;
import dev.vigil.core.report.OsFamily;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Re-runs the current command with administrator rights when the process lacks them: through sudo on Linux
 * and macOS, through UAC (PowerShell's {@code Start-Process -Verb RunAs}) on Windows.
 */
final class Elevate {

    private Elevate() {
    }

    /** The exit code of the elevated run, or empty when this process is already elevated and should go on. */
    static OptionalInt relaunchIfNeeded(PrintWriter err, List<String> args) {
        OsFamily family = OsFamily.current();
        if (Elevation.current(family)) {
            return OptionalInt.empty();
        }
        List<String> self = relaunchCommand(args);
        List<String> argv = family == OsFamily.WINDOWS ? uac(self) : sudo(self);
        err.println(family == OsFamily.WINDOWS
                ? "vigil: not running as administrator; asking Windows (UAC) to re-run elevated in a new window"
                : "vigil: not running as root; re-running through sudo");
        err.flush();
        try {
            Process p = new ProcessBuilder(argv).inheritIO().start();
            return OptionalInt.of(p.waitFor());
        } catch (IOException e) {
            throw new UsageException("--elevate could not start " + argv.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(ExitCodes.INTERNAL);
        }
    }

    static List<String> withoutElevate(List<String> args) {
        return args.stream().filter(a -> !a.equals("--elevate")).toList();
    }

    /**
     * This JVM again with the user's arguments minus {@code --elevate}: with the JVM's own options where the OS tells
     * them (the process's arguments end with the user's, which {@code originalArgs} are), else with the class path
     * and main class.
     */
    static List<String> relaunchCommand(List<String> originalArgs) {
        ProcessHandle.Info info = ProcessHandle.current().info();
        List<String> cmd = new ArrayList<>();
        List<String> processArgs = info.arguments().map(List::of).orElse(List.of());
        if (info.command().isPresent() && processArgs.size() >= originalArgs.size()
                && processArgs.subList(processArgs.size() - originalArgs.size(), processArgs.size()).equals(originalArgs)) {
            cmd.add(info.command().get());
            cmd.addAll(processArgs.subList(0, processArgs.size() - originalArgs.size()));
        } else {
            cmd.add(Path.of(System.getProperty("java.home"), "bin", OsFamily.current() == OsFamily.WINDOWS ? "java.exe" : "java").toString());
            cmd.add("--enable-native-access=ALL-UNNAMED");
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(Main.class.getName());
        }
        cmd.addAll(withoutElevate(originalArgs));
        return cmd;
    }

    static List<String> sudo(List<String> command) {
        List<String> argv = new ArrayList<>(List.of("sudo", "--"));
        argv.addAll(command);
        return argv;
    }

    /** A PowerShell line that starts {@code command} elevated, waits for it and passes its exit code on. */
    static List<String> uac(List<String> command) {
        String file = quote(command.getFirst());
        String args = command.subList(1, command.size()).stream().map(Elevate::windowsArg).map(Elevate::quote)
                .collect(Collectors.joining(","));
        String script = "$p = Start-Process -FilePath " + file + (args.isEmpty() ? "" : " -ArgumentList " + args)
                + " -Verb RunAs -Wait -PassThru; exit $p.ExitCode";
        return List.of("powershell.exe", "-NoProfile", "-NonInteractive", "-Command", script);
    }

    /** A PowerShell single-quoted string. */
    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** One argument as Windows' command-line parser reads it back (Start-Process joins them with spaces). */
    static String windowsArg(String a) {
        if (!a.isEmpty() && a.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"')) {
            return a;
        }
        StringBuilder sb = new StringBuilder("\"");
        int backslashes = 0;
        for (char c : a.toCharArray()) {
            if (c == '\\') {
                backslashes++;
                continue;
            }
            sb.append("\\".repeat(c == '"' ? backslashes * 2 + 1 : backslashes));
            backslashes = 0;
            sb.append(c);
        }
        sb.append("\\".repeat(backslashes * 2)).append('"');
        return sb.toString();
    }
}
