/**
 * {@code disk.encryption.system} on Windows: BitLocker on the system drive, from {@code Get-BitLockerVolume}
 * or, where the cmdlet is missing or fails, from {@code manage-bde -status}.
 */
package dev.vigil.agent.check.disk.windows;
