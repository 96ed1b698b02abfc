/** Local accounts on Windows: the built-in Guest account ({@code Get-LocalUser}, falling back to {@code net user}). */
package dev.vigil.agent.check.accounts.windows;
