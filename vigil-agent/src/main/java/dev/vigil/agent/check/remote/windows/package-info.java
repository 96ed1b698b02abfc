/**
 * Remote access on Windows: {@code remote.rdp} (Remote Desktop and Network Level Authentication, from the registry,
 * Group Policy first) and {@code remote.smb1} (the SMBv1 server protocol, from {@code Get-SmbServerConfiguration} or
 * the LanmanServer registry value).
 */
package dev.vigil.agent.check.remote.windows;
