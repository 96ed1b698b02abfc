/**
 * Reading the two structured sources every Windows check and the Windows host identity share: {@code reg query}
 * output ({@link dev.vigil.agent.windows.RegQuery}) and PowerShell's {@code ConvertTo-Json} output and error records
 * ({@link dev.vigil.agent.windows.PowerShellJson}, {@link dev.vigil.agent.windows.PowerShellError}). Pure functions
 * of text; the commands run through the probe in the checks.
 */
package dev.vigil.agent.windows;
