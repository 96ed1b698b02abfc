package dev.vigil.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** Stands in for a kernel command in a bundle without the kernel: whatever its arguments, it says so. */
@Command(description = "Not in this bundle: it has no kernel; use the full Vigil bundle.")
final class NoKernelCommand implements Callable<Integer> {

    private final String name;

    @Unmatched
    List<String> arguments;

    NoKernelCommand(String name) {
        this.name = name;
    }

    @Override
    public Integer call() {
        throw new UsageException("'vigil " + name + "': " + KernelBundle.MISSING);
    }
}
