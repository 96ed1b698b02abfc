/**
 * {@code remote.ssh} and {@code remote.screen-sharing} on macOS: whether Remote Login (sshd) and Screen Sharing or
 * Remote Management are on, from launchd (is the service loaded in the system domain, and what override the
 * Sharing settings wrote), {@code systemsetup -getremotelogin} as root, and the Remote Management marker file.
 */
package dev.vigil.agent.check.remote.macos;
