/**
 * {@code disk.encryption.system} on macOS: FileVault on the startup volume, as {@code fdesetup status}
 * reports it (on, off, encrypting or decrypting with a percentage, enablement deferred or pending a restart).
 */
package dev.vigil.agent.check.disk.macos;
