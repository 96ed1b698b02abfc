package dev.vigil.agent.render;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.report.Report;

/** PLACEHOLDER: the terminal table, grouped by domain, with colour when asked. */
public final class TerminalRenderer {
    private final boolean colour;

    public TerminalRenderer(boolean colour) {
        this.colour = colour;
    }

    public String render(Report report, Catalog catalog) {
        StringBuilder sb = new StringBuilder();
        report.findings().forEach(f -> sb.append(f.status()).append(' ').append(f.control()).append(' ').append(f.detail()).append('\n'));
        return sb.toString();
    }
}
