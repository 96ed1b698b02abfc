package dev.vigil.cli;

import dev.vigil.cli.kernel.StoredCatalog;
import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.report.Severity;
import dev.vigil.core.json.ReportCodec;
import dev.vigil.core.text.Ansi;
import dev.vigil.core.text.Sgr;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil list}: the control catalog, bundled or as a kernel's store holds it. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the controls Vigil checks: the bundled catalog, or with --data the one in a kernel's store.")
final class ListCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (a table) or json (an array of catalog entries).")
    Format format;

    @Option(names = "--data", paramLabel = "DIR", description = "A kernel's data folder: list the catalog its store holds.")
    Path data;

    @CommandLine.Mixin
    ColorOption color;

    enum Format { text, json }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<CatalogEntry> entries = data == null ? Catalog.bundled().entries() : stored(data);
        if (format == Format.json) {
            out.println(ReportCodec.instance().writeValue(entries));
        } else {
            out.print(table(entries, color.on()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private List<CatalogEntry> stored(Path dataDir) {
        if (!KernelBundle.present()) {
            throw new UsageException("'vigil list --data': " + KernelBundle.MISSING);
        }
        return StoredCatalog.entries(dataDir, spec.commandLine().getErr());
    }

    static String table(List<CatalogEntry> entries, boolean colour) {
        Ansi ansi = new Ansi(colour);
        int idWidth = Math.max(7, entries.stream().mapToInt(e -> e.id().length()).max().orElse(0));
        String fmt = "%-" + idWidth + "s  %-9s  %-8s  %-22s  %s%n";
        String header = String.format(fmt, "CONTROL", "DOMAIN", "SEVERITY", "PLATFORMS", "TITLE");
        StringBuilder sb = new StringBuilder(ansi.paint(header.strip(), Sgr.BOLD)).append(System.lineSeparator());
        for (CatalogEntry e : entries) {
            String platforms = e.platforms().stream().map(p -> p.id()).collect(Collectors.joining(","));
            // the padding stays inside the colour
            String severity = ansi.paint(String.format("%-8s", e.severity().id()), style(e.severity()));
            sb.append(String.format(fmt, e.id(), e.domain(), severity, platforms, e.title()));
        }
        return sb.toString();
    }

    /** Critical and high in bold red, medium in yellow, the rest dim. */
    private static Sgr style(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> Sgr.BOLD_RED;
            case MEDIUM -> Sgr.YELLOW;
            default -> Sgr.DIM;
        };
    }
}
