package dev.vigil.cli;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.catalog.CatalogEntry;
import dev.vigil.core.json.ReportCodec;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vigil list}: the bundled control catalog. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the controls Vigil checks.")
final class ListCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (a table) or json (an array of catalog entries).")
    Format format;

    enum Format { text, json }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<CatalogEntry> entries = Catalog.bundled().entries();
        if (format == Format.json) {
            out.println(ReportCodec.instance().writeValue(entries));
        } else {
            out.print(table(entries));
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String table(List<CatalogEntry> entries) {
        int idWidth = Math.max(7, entries.stream().mapToInt(e -> e.id().length()).max().orElse(0));
        String fmt = "%-" + idWidth + "s  %-9s  %-8s  %-22s  %s%n";
        StringBuilder sb = new StringBuilder(String.format(fmt, "CONTROL", "DOMAIN", "SEVERITY", "PLATFORMS", "TITLE"));
        for (CatalogEntry e : entries) {
            String platforms = e.platforms().stream().map(p -> p.id()).collect(Collectors.joining(","));
            sb.append(String.format(fmt, e.id(), e.domain(), e.severity().id(), platforms, e.title()));
        }
        return sb.toString();
    }
}
