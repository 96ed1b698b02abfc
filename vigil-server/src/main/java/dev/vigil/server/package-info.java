/**
 * The kernel ({@code vigil serve}): an embedded SQLite store of reports ({@code store}), an in-memory fleet view
 * ({@code fleet}), the HTTP API on Jetty core handlers ({@code http}), and text and HTML renderings of its resources
 * with content negotiation ({@code view}). {@link dev.vigil.server.Kernel} starts it all. Not yet wired:
 * {@code /metrics}, {@code /openapi.json}, and the CLI commands.
 */
package dev.vigil.server;
