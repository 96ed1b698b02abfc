/**
 * The kernel ({@code vigil serve}): an embedded SQLite store of reports ({@code store}), an in-memory fleet view
 * ({@code fleet}), the HTTP API on Jetty core handlers ({@code http}), and text and HTML renderings of its resources
 * with content negotiation ({@code view}), and Prometheus metrics ({@code metrics}). {@link dev.vigil.server.Kernel}
 * starts it all. The API is described in {@code docs/openapi.yaml}, served as {@code /openapi.json}. Not yet wired:
 * the CLI commands.
 */
package dev.vigil.server;
