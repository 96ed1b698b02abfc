package dev.vigil.cli.kernel;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil seed}: puts the bundled catalog into a store, reports untouched. */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = {"Refreshes the control catalog in the store with the one bundled in this version; reports stay as they are.",
            "Says how many controls were added, updated, unchanged and removed. A running kernel serves the new catalog after a restart."})
final class SeedCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DataDirOption data;

    @Override
    public Integer call() {
        return CatalogSeeding.run(data.dir, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
