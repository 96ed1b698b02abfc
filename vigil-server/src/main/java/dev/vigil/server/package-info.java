/**
 * The kernel ({@code vigil serve}): an embedded store of reports, an in-memory fleet view, and the HTTP API.
 * Work in progress: see the kernel issue for what is built and what is not.
 */
package dev.vigil.server;
