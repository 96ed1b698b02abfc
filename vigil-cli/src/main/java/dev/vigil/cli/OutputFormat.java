package dev.vigil.cli;

/** Formats the audit can write. */
enum OutputFormat {
    text, json, html, junit
}
