package dev.vigil.cli;

import picocli.CommandLine;

/** Entry point of the {@code vigil} command. The only place that calls {@link System#exit}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(VigilCommand.commandLine().execute(args));
    }
}
