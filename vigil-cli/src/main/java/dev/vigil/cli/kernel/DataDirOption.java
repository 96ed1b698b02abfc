package dev.vigil.cli.kernel;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR}: the folder holding the kernel's store. */
final class DataDirOption {

    static final String DEFAULT = "vigil-data";

    @Option(names = "--data", paramLabel = "DIR", defaultValue = DEFAULT,
            description = "The kernel's data folder (default: ./" + DEFAULT + ").")
    Path dir = Path.of(DEFAULT);
}
