/**
 * What the Windows checks of every domain, and the Windows host identity, share: reading registry keys and values
 * with {@code reg query} ({@link dev.vigil.agent.check.windows.Registry}), PowerShell's {@code ConvertTo-Json}
 * output (one object or an array, enums as numbers or names, the date spellings:
 * {@link dev.vigil.agent.check.windows.PowerShellJson}) and its error records
 * ({@link dev.vigil.agent.check.windows.PowerShellError}). Pure functions of text; the commands run through the probe
 * in the checks. The macOS counterpart is {@code dev.vigil.agent.check.macos}.
 */
package dev.vigil.agent.check.windows;
