/**
 * Platform integrity on Windows: UEFI Secure Boot ({@code Confirm-SecureBootUEFI}, the registry's record of it),
 * antimalware protection (Microsoft Defender's status, or another antivirus registered with Security Center) and
 * User Account Control.
 */
package dev.vigil.agent.check.integrity.windows;
