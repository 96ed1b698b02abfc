/**
 * Patch hygiene on Windows: a reboot waiting to finish installed updates (the servicing stack's and Windows
 * Update's registry flags, pending file renames) and how long ago the newest update was installed
 * ({@code Get-HotFix}).
 */
package dev.vigil.agent.check.patch.windows;
