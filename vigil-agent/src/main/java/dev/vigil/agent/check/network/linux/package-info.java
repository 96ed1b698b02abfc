/**
 * {@code network.exposed-ports} on Linux: the TCP sockets listening beyond loopback, read from
 * {@code /proc/net/tcp} and {@code /proc/net/tcp6}, with their owning processes when running as root.
 */
package dev.vigil.agent.check.network.linux;
