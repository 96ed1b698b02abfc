package dev.vigil.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** Runs the vigil command line in-process with captured output, as the picocli examples do. */
public record Cli(int exitCode, String out, String err) {

    public static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = VigilCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** The last line of standard output, e.g. the token {@code vigil token create} printed. */
    public String lastLine() {
        List<String> lines = out.lines().toList();
        return lines.isEmpty() ? "" : lines.getLast();
    }
}
