/**
 * Linux file permissions that protect credentials: {@code /etc/shadow} and {@code /etc/gshadow} readable only by root
 * and the shadow group, {@code /etc/passwd} and {@code /etc/group} writable only by root.
 */
package dev.vigil.agent.check.files.linux;
