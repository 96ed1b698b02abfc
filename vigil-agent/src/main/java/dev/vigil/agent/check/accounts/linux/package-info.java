/**
 * Linux local accounts: passwordless accounts and extra superusers, from {@code /etc/passwd} and {@code /etc/shadow}.
 *
 * <p>Password fields are read through {@link dev.vigil.agent.check.accounts.linux.PasswordHashRedaction}, so no
 * password hash ever reaches a check, a recording, evidence or a report. The passwd parser and the redaction are
 * public because the file-permission check uses them too.
 */
package dev.vigil.agent.check.accounts.linux;
