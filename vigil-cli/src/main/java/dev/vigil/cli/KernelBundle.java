package dev.vigil.cli;

import dev.vigil.cli.kernel.KernelCommands;
import java.util.List;
import picocli.CommandLine;

/**
 * Whether this bundle carries the kernel. The agent-only bundle leaves out vigil-server (and Jetty and SQLite);
 * there the kernel's commands stay listed but say where to find them. The check looks for the class file, so it
 * loads no kernel class: an audit never does.
 */
final class KernelBundle {

    static final String MISSING = "this bundle has no kernel (the vigil-server classes are not on its class path);"
            + " use the full Vigil bundle to run the kernel, its store and its tokens";

    private static final List<String> COMMANDS = List.of("serve", "seed", "token");

    private KernelBundle() {
    }

    static boolean present() {
        return KernelBundle.class.getClassLoader().getResource("dev/vigil/server/Kernel.class") != null;
    }

    static void addCommandsTo(CommandLine cl) {
        if (present()) {
            KernelCommands.addTo(cl);
        } else {
            for (String name : COMMANDS) {
                cl.addSubcommand(name, new NoKernelCommand(name));
            }
        }
    }
}
