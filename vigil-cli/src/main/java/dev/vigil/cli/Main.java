package dev.vigil.cli;

/** Entry point of the {@code vigil} command. The only place that calls {@link System#exit}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = VigilCommand.commandLine().execute(args);
        if (WindowsConsole.ownedByThisProcessOnly()) {
            WindowsConsole.waitForEnter(new java.io.PrintWriter(System.out, true), System.in);
        }
        System.exit(code);
    }
}
