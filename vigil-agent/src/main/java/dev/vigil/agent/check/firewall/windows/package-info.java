/**
 * {@code firewall.enabled} and {@code firewall.default-inbound} on Windows: the Domain, Private and Public profiles
 * of Windows Defender Firewall, from {@code Get-NetFirewallProfile} (the active store, so Group Policy counts) or,
 * where the cmdlet is missing or fails, from {@code netsh advfirewall show allprofiles}.
 */
package dev.vigil.agent.check.firewall.windows;
