/**
 * {@code remote.ssh.root-login} and {@code remote.ssh.password-auth} on Linux: OpenSSH server settings,
 * taken from sshd's own effective configuration ({@code sshd -T}) where it can print it, otherwise read
 * from {@code /etc/ssh/sshd_config} and its {@code Include}s the way sshd reads them.
 */
package dev.vigil.agent.check.remote.linux;
