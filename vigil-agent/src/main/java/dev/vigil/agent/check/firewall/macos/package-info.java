/**
 * {@code firewall.enabled}, {@code firewall.stealth} and {@code firewall.block-all} on macOS: the application
 * firewall as {@code /usr/libexec/ApplicationFirewall/socketfilterfw --get…} reports it, one query per setting,
 * all read by one parser that knows the wordings of old and new macOS versions.
 */
package dev.vigil.agent.check.firewall.macos;
