package dev.vigil.cli;

import dev.vigil.agent.AgentVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code vigil} command: subcommands only. */
@Command(name = "vigil",
        mixinStandardHelpOptions = true,
        versionProvider = VigilCommand.Version.class,
        description = "Endpoint security posture: audit this machine, or collect and query a fleet's reports.",
        subcommands = {AuditCommand.class, ListCommand.class, DiffCommand.class, SubmitCommand.class, AgentCommand.class})
public final class VigilCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'vigil audit' or 'vigil --help'.");
    }

    /** A command line with Vigil's exit codes and error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new VigilCommand());
        KernelBundle.addCommandsTo(cl);
        cl.addSubcommand(new CommandLine.HelpCommand());
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.INTERNAL);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException u) {
                commandLine.getErr().println("vigil: " + u.getMessage());
                return ExitCodes.USAGE;
            }
            commandLine.getErr().println("vigil: internal error: " + e);
            if (System.getenv("VIGIL_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("(set VIGIL_DEBUG=1 for the stack trace)");
            }
            return ExitCodes.INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("vigil: " + ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr())) {
                c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            }
            return ExitCodes.USAGE;
        });
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vigil " + AgentVersion.get(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
