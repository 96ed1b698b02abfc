package dev.vigil.cli.kernel;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil token create|list|revoke}: the kernel's API tokens, straight in the store (a kernel may be running). */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Creates, lists and revokes the kernel's API tokens (works while a kernel runs on the same folder).",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: create, list or revoke.");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Creates a token and prints it, alone on the last line, once: the store keeps only its hash.",
                "Creates the data folder and the store if they do not exist yet."})
    static final class Create implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DataDirOption data;

        @Option(names = "--scope", required = true, paramLabel = "SCOPE",
                description = "report:write (submit reports), fleet:read (read fleet state) or admin (everything).")
        String scope;

        @Option(names = "--name", paramLabel = "NAME", description = "What the token is for, e.g. the machine or team using it (default: the scope).")
        String name;

        @Override
        public Integer call() {
            return new Tokens(data.dir, spec.commandLine()).create(scope, name);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the tokens (never the tokens themselves).")
    static final class ListTokens implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DataDirOption data;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (a table) or json.")
        Tokens.Format format;

        @Override
        public Integer call() {
            return new Tokens(data.dir, spec.commandLine()).list(format);
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes a token by its id (from 'vigil token list'); a running kernel refuses it from the next request.")
    static final class Revoke implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DataDirOption data;

        @Parameters(paramLabel = "ID", description = "The token's id.")
        String id;

        @Override
        public Integer call() {
            return new Tokens(data.dir, spec.commandLine()).revoke(id);
        }
    }
}
