package dev.vigil.agent.probe;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What running a command gave: it completed, was not found, timed out, or could not run here. */
public sealed interface CommandResult {

    /** The argument vector that was asked for. */
    List<String> argv();

    /** A short phrase for an UNKNOWN finding's reason when the command gave nothing usable. */
    String describe();

    /** The command ran to completion (any exit code). */
    record Completed(List<String> argv, int exitCode, String stdout, String stderr) implements CommandResult {
        public Completed {
            argv = List.copyOf(argv);
            stdout = Objects.requireNonNullElse(stdout, "");
            stderr = Objects.requireNonNullElse(stderr, "");
        }

        /** Whether it exited 0. */
        public boolean ok() {
            return exitCode == 0;
        }

        @Override
        public String describe() {
            String err = stderr.strip();
            int nl = err.indexOf('\n');
            String first = nl < 0 ? err : err.substring(0, nl);
            return "`" + Commands.display(argv) + "` exited " + exitCode + (first.isEmpty() ? "" : ": " + first);
        }
    }

    /** No such program on this machine. */
    record NotFound(List<String> argv) implements CommandResult {
        public NotFound {
            argv = List.copyOf(argv);
        }

        @Override
        public String describe() {
            return "command not found: " + argv.getFirst();
        }
    }

    /** The command did not finish in time and was killed. */
    record TimedOut(List<String> argv, Duration after) implements CommandResult {
        public TimedOut {
            argv = List.copyOf(argv);
        }

        @Override
        public String describe() {
            return "`" + Commands.display(argv) + "` timed out after " + Durations.human(after);
        }
    }

    /** The command could not run here, e.g. when auditing a mounted file system, or it failed to start. */
    record Unavailable(List<String> argv, String reason) implements CommandResult {
        public Unavailable {
            argv = List.copyOf(argv);
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "cannot run " + argv.getFirst() + ": " + reason;
        }
    }
}
