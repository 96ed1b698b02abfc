/**
 * The kernel's human representations of its GET resources: which representation a request gets
 * ({@link dev.vigil.server.view.Negotiation}), ANSI-coloured text tables for terminals
 * ({@link dev.vigil.server.view.TextViews}) and self-contained HTML pages for browsers
 * ({@link dev.vigil.server.view.HtmlViews}).
 *
 * <p>Colour: text is coloured only for terminal clients (User-Agent curl, Wget, HTTPie); {@code Accept: text/plain}
 * from anything else, or {@code ?format=text} from a browser, gets plain text. {@code ?color=never} turns colour
 * off for a terminal (the HTTP spelling of {@code NO_COLOR}), {@code ?color=always} turns it on for anyone.
 * The machine documents ({@code /schema/report.json}) have one representation and ignore the negotiation.
 *
 * <p>Everything here is pure: fleet records in, a {@code String} out, no I/O and no HTTP types, so the HTTP
 * layer decides caching and encoding and the views are tested without a server.
 */
package dev.vigil.server.view;
