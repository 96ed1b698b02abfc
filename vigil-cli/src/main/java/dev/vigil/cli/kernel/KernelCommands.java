package dev.vigil.cli.kernel;

import picocli.CommandLine;

/** Registers the kernel's commands; called only when the kernel is on the class path. */
public final class KernelCommands {

    private KernelCommands() {
    }

    public static void addTo(CommandLine cl) {
        cl.addSubcommand(new ServeCommand());
        cl.addSubcommand(new SeedCommand());
        cl.addSubcommand(new TokenCommand());
    }
}
