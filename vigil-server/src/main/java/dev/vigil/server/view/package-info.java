/**
 * The kernel's human representations of its GET resources: which representation a request gets
 * ({@link dev.vigil.server.view.Negotiation}), ANSI-coloured text tables for terminals
 * ({@link dev.vigil.server.view.TextViews}) and self-contained HTML pages for browsers
 * ({@link dev.vigil.server.view.HtmlViews}).
 *
 * <p>Everything here is pure: fleet records in, a {@code String} out, no I/O and no HTTP types, so the HTTP
 * layer decides caching and encoding and the views are tested without a server.
 */
package dev.vigil.server.view;
