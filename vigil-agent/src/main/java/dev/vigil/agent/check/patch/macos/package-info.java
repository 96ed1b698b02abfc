/**
 * Patch hygiene on macOS, from Software Update's own preferences
 * ({@code /Library/Preferences/com.apple.SoftwareUpdate.plist}, overridden by a configuration profile in
 * {@code /Library/Managed Preferences}): the updates its last check recommended and how old that check is,
 * and whether updates are checked for, downloaded and installed automatically. Nothing here asks Apple's
 * servers: {@code softwareupdate --list} would, and takes many seconds.
 */
package dev.vigil.agent.check.patch.macos;
