package dev.vigil.agent.probe;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A command to run: an argument vector (never a shell line) and the longest it may take.
 * The check's own deadline also bounds it; the shorter of the two applies.
 *
 * @param argv   the argument vector
 * @param timeout how long it may take
 * @param inputs files and folders whose state alone decides the output; when given, a live probe may answer from its
 *               command cache as long as none of them changed (see {@link CommandCache}); empty means never cached
 */
public record Command(List<String> argv, Duration timeout, List<String> inputs) {

    /** Timeout used when a check does not choose one. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public Command {
        argv = List.copyOf(Objects.requireNonNull(argv, "argv"));
        if (argv.isEmpty() || argv.getFirst().isBlank()) {
            throw new IllegalArgumentException("command needs a program name");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
    }

    public Command(List<String> argv, Duration timeout) {
        this(argv, timeout, List.of());
    }

    /** A command with the default timeout. */
    public static Command of(String... argv) {
        return new Command(List.of(argv), DEFAULT_TIMEOUT);
    }

    /** Time a Windows PowerShell query may take: the shell alone needs a second or two to start. */
    public static final Duration POWERSHELL_TIMEOUT = Duration.ofSeconds(10);

    /**
     * A Windows PowerShell query: {@code powershell.exe -NoProfile -NonInteractive -Command SCRIPT}. Each query is
     * its own command (and its own entry in a recording), so that a person can swap one output for another.
     */
    public static Command powershell(String script) {
        return new Command(List.of("powershell.exe", "-NoProfile", "-NonInteractive", "-Command", script), POWERSHELL_TIMEOUT);
    }

    /** The same command with another timeout. */
    public Command withTimeout(Duration t) {
        return new Command(argv, t, inputs);
    }

    /** The same command, declared a pure function of these files and folders (absolute paths). */
    public Command withInputs(String... paths) {
        return new Command(argv, timeout, List.of(paths));
    }

    /** The program name, as given. */
    public String program() {
        return argv.getFirst();
    }

    /** The command line as a person would type it, for evidence and messages. */
    public String display() {
        return Commands.display(argv);
    }
}
