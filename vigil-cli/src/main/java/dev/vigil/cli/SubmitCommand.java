package dev.vigil.cli;

import dev.vigil.agent.deliver.Answer;
import dev.vigil.agent.deliver.KernelClient;
import dev.vigil.agent.deliver.KernelSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil submit FILE...}: sends saved JSON reports to a kernel, one attempt each, and says what it answered. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Sends saved JSON reports to a kernel and prints, per file, what it answered: stored, duplicate "
                + "(already stored) or rejected, with the kernel's message.",
            "Each file is sent as it is, once; for retries and a durable queue use 'vigil agent'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every report stored (or already stored)", "1:a report was rejected or could not be delivered",
            "2:usage error (no token, bad URL)", "3:internal error"})
final class SubmitCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JSON reports, as written by 'vigil audit'.")
    List<Path> files;

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:VIGIL_SERVER}",
            description = "The kernel, e.g. https://vigil.example:8443 (default: the VIGIL_SERVER environment variable).")
    URI server;

    @CommandLine.Mixin
    KernelOptions kernel;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (server == null) {
            throw new UsageException("no kernel: give --server URL (or set VIGIL_SERVER)");
        }
        KernelSettings settings = kernel.settings(server, spec.commandLine().getErr());
        int failed = 0;
        try (KernelClient client = kernel.connect(settings)) {
            for (Path file : files) {
                String line;
                boolean ok = false;
                try {
                    Answer answer = client.send(Files.readAllBytes(file));
                    ok = answer instanceof Answer.Accepted;
                    line = AnswerText.line(answer);
                } catch (NoSuchFileException e) {
                    line = "failed: no such file";
                } catch (IOException e) {
                    line = "failed: cannot read: " + e.getMessage();
                }
                out.println(file + ": " + line);
                out.flush();
                failed += ok ? 0 : 1;
            }
        }
        if (failed > 0) {
            out.println(failed + " of " + files.size() + " report(s) not delivered");
        }
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
