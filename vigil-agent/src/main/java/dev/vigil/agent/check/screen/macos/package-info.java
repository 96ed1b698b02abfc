/**
 * Screen lock on macOS: a configuration profile's {@code askForPassword}/{@code askForPasswordDelay}
 * ({@code /Library/Managed Preferences/com.apple.screensaver.plist}), else the console user's setting as
 * {@code sysadminctl -screenLock status} reports it (macOS 10.13+ keeps it out of the preference files).
 */
package dev.vigil.agent.check.screen.macos;
