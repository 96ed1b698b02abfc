/**
 * {@code network.exposed-ports} on macOS: the TCP sockets listening beyond loopback, with their processes, from
 * {@code lsof}'s field output; without root lsof sees only the current user's processes, which the check says.
 */
package dev.vigil.agent.check.network.macos;
