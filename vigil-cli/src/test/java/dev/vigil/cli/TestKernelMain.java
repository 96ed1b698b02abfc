package dev.vigil.cli;

import dev.vigil.server.Kernel;
import dev.vigil.server.KernelConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A kernel in its own JVM for the delivery tests: {@code TestKernelMain DATA_DIR PORT [BODY_LIMIT]}. Prints
 * {@code ready PORT} when serving and runs until killed or until its standard input closes (its test ended).
 */
public final class TestKernelMain {

    private TestKernelMain() {
    }

    public static void main(String[] args) throws IOException {
        KernelConfig config = KernelConfig.defaults(Path.of(args[0])).withPort(Integer.parseInt(args[1]));
        if (args.length > 2) {
            config = config.withBodyLimit(Long.parseLong(args[2]));
        }
        try (Kernel kernel = Kernel.start(config)) {
            System.out.println("ready " + kernel.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our input
            }
        }
    }
}
