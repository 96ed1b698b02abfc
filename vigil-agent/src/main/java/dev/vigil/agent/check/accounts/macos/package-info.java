/** Accounts on macOS: the guest account, read from the login window's preferences with {@code defaults read}. */
package dev.vigil.agent.check.accounts.macos;
