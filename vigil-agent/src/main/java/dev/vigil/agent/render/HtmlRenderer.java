package dev.vigil.agent.render;

import dev.vigil.core.catalog.Catalog;
import dev.vigil.core.report.Report;

/** PLACEHOLDER: one self-contained HTML page. */
public final class HtmlRenderer {
    public String render(Report report, Catalog catalog) {
        return "<!doctype html><title>Vigil</title>";
    }
}
