/**
 * What the Windows checks of every domain share: reading {@code ConvertTo-Json} output of PowerShell cmdlets
 * (one object or an array, enums as numbers or names) and reading registry values with {@code reg query}.
 */
package dev.vigil.agent.check.windows;
